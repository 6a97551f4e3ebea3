using Ego.Grpc;
using Microsoft.AspNetCore.Http;

namespace Ego.Resilience.Timeouts.Internal;

/// <summary>
/// A gRPC server call under a configured deadline sooner than the caller's, as its handler sees it. Nothing waits on
/// the deadline until the handler does: the call joins its <see cref="DeadlineQueue"/> when the handler first reads
/// <see cref="CancellationToken"/> or returns a task that has not completed, and the token's source is made on that
/// first read. A handler that completes without either (most short unary handlers) pays for this object only.
/// </summary>
internal sealed class DeadlineCallContext(ServerCallContext inner, DeadlineQueue queue, long start) : ServerCallContext, IThreadPoolWorkItem
{
    private const int Running = 0;
    private const int Finished = 1;
    private const int Expired = 2;

    private CancellationTokenSource? source;
    private CancellationTokenRegistration callerGone;
    private IDeadlineListener? listener;
    private int state;
    private int queued;
    private int notified;
    private DateTime deadline;

    /// <summary>When the deadline passes, in <see cref="System.TimeProvider.GetTimestamp"/> units.</summary>
    public long Due { get; } = start + queue.TimeoutTicks;

    public TimeoutSetting Setting => queue.Setting;

    /// <summary>True once the call finished or its deadline passed: the queue has nothing left to do for it.</summary>
    public bool IsFinished => Volatile.Read(ref state) != Running;

    /// <summary>True when the deadline, not the handler or the caller, ended the call.</summary>
    public bool HasExpired => Volatile.Read(ref state) == Expired;

    public override string Method => inner.Method;

    public override string Host => inner.Host;

    public override string Peer => inner.Peer;

    public override DateTime Deadline
    {
        get
        {
            if (deadline == default)
            {
                var time = queue.TimeProvider;
                deadline = time.GetUtcNow().UtcDateTime + time.GetElapsedTime(time.GetTimestamp(), Due);
            }

            return deadline;
        }
    }

    public override Metadata RequestHeaders => inner.RequestHeaders;

    public override Metadata ResponseTrailers => inner.ResponseTrailers;

    /// <summary>Cancelled at the deadline or when the caller goes away.</summary>
    public override CancellationToken CancellationToken => Volatile.Read(ref source)?.Token ?? CreateToken();

    public override Status Status
    {
        get => inner.Status;
        set => inner.Status = value;
    }

    public override WriteOptions? WriteOptions
    {
        get => inner.WriteOptions;
        set => inner.WriteOptions = value;
    }

    public override IDictionary<object, object> UserState => inner.UserState;

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => inner.WriteResponseHeadersAsync(responseHeaders);

    public override HttpContext? GetHttpContext() => inner.GetHttpContext();

    /// <summary>
    /// Waits for the deadline on behalf of a handler still running: <paramref name="onDeadline"/> hears of it once, at
    /// once if the deadline has already passed.
    /// </summary>
    public void Await(IDeadlineListener onDeadline)
    {
        Volatile.Write(ref listener, onDeadline);
        if (HasExpired)
        {
            Notify();
        }
        else
        {
            Enqueue();
        }
    }

    /// <summary>Ends the call before its deadline; false when the deadline ended it first.</summary>
    public bool TryFinish()
    {
        if (Interlocked.CompareExchange(ref state, Finished, Running) != Running)
        {
            return false;
        }

        ReleaseCaller();
        return true;
    }

    /// <summary>Called by <see cref="DeadlineQueue"/> on the thread pool once the deadline has passed.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        if (Interlocked.CompareExchange(ref state, Expired, Running) != Running)
        {
            return;
        }

        Volatile.Read(ref source)?.Cancel();
        ReleaseCaller();
        Notify();
    }

    private CancellationToken CreateToken()
    {
        if (Volatile.Read(ref state) == Finished)
        {
            // Read after the call ended (a task the handler left behind): only the caller can still end it.
            return inner.CancellationToken;
        }

        var created = new CancellationTokenSource();
        if (Interlocked.CompareExchange(ref source, created, null) is { } existing)
        {
            created.Dispose();
            return existing.Token;
        }

        lock (created)
        {
            if (Volatile.Read(ref state) == Running)
            {
                // One registration on the caller's token rather than a linked source: a second source per call.
                callerGone = inner.CancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), created);
            }
        }

        // The deadline may have passed before the source existed, in which case expiring did not see it.
        if (HasExpired)
        {
            created.Cancel();
        }

        Enqueue();
        return created.Token;
    }

    private void Enqueue()
    {
        if (Interlocked.Exchange(ref queued, 1) == 0)
        {
            queue.Add(this);
        }
    }

    private void Notify()
    {
        if (Volatile.Read(ref listener) is { } onDeadline && Interlocked.Exchange(ref notified, 1) == 0)
        {
            onDeadline.OnDeadline(this);
        }
    }

    private void ReleaseCaller()
    {
        if (Volatile.Read(ref source) is { } created)
        {
            lock (created)
            {
                callerGone.Dispose();
                callerGone = default;
            }
        }
    }
}

/// <summary>What answers a call whose configured deadline passed while its handler was still running.</summary>
internal interface IDeadlineListener
{
    void OnDeadline(DeadlineCallContext call);
}
