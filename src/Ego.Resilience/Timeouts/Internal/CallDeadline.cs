using Ego.Grpc;

namespace Ego.Resilience.Timeouts.Internal;

/// <summary>
/// The deadline config sets for one server call: one token source that the timer or the caller going away cancels
/// (one registration on the caller's token, no linked source), and the call context the handler sees with it.
/// </summary>
internal readonly struct CallDeadline : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly CancellationTokenRegistration callerGone;
    private readonly CancellationToken callerToken;

    public CallDeadline(ServerCallContext context, TimeSpan timeout, TimeProvider timeProvider)
    {
        source = new CancellationTokenSource(timeout, timeProvider);
        callerToken = context.CancellationToken;
        callerGone = callerToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
        Context = new DeadlineServerCallContext(context, timeProvider.GetUtcNow().UtcDateTime + timeout, source.Token);
    }

    /// <summary>The call as the handler sees it: the configured deadline and its token.</summary>
    public ServerCallContext Context { get; }

    public CancellationToken Token => source.Token;

    /// <summary>True when the deadline, not the caller, ended the call.</summary>
    public bool Expired => source.IsCancellationRequested && !callerToken.IsCancellationRequested;

    public void Dispose()
    {
        callerGone.Dispose();
        source.Dispose();
    }
}
