using System.Runtime.CompilerServices;
using Ego.Grpc;
using Ego.Registry.Etcd.Protocol;

namespace Ego.Registry.Etcd;

/// <summary>
/// One watch on a bidirectional Watch stream. Responses carry the events in revision order; a compacted start revision
/// ends the reading with <see cref="EtcdCompactedException"/>. Disposing cancels the watch on the server.
/// </summary>
public sealed class EtcdWatch : IAsyncDisposable
{
    private readonly EtcdClient client;
    private readonly AsyncDuplexStreamingCall<WatchRequest, WatchResponse> call;
    private readonly int member;
    private readonly CancellationTokenSource stop = new();
    private WatchResponse? pending;
    private int disposed;

    private EtcdWatch(EtcdClient client, AsyncDuplexStreamingCall<WatchRequest, WatchResponse> call, int member, long watchId, long revision)
    {
        this.client = client;
        this.call = call;
        this.member = member;
        WatchId = watchId;
        Revision = revision;
    }

    /// <summary>The id the server gave the watch.</summary>
    public long WatchId { get; }

    /// <summary>The store revision when the watch was created.</summary>
    public long Revision { get; }

    /// <summary>Responses with events, until the stream ends or <paramref name="cancellationToken"/> fires.</summary>
    /// <exception cref="EtcdCompactedException">The start revision was compacted.</exception>
    /// <exception cref="RpcException">The stream failed (the member went away) or the server canceled the watch.</exception>
    public async IAsyncEnumerable<WatchResponse> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop.Token);
        while (true)
        {
            WatchResponse response;
            if (Interlocked.Exchange(ref pending, null) is { } first)
            {
                response = first;
            }
            else
            {
                if (!await MoveNextAsync(linked.Token).ConfigureAwait(false))
                {
                    yield break;
                }

                response = call.ResponseStream.Current;
            }

            if (response.Canceled && response.CompactRevision == 0 && Volatile.Read(ref disposed) != 0)
            {
                yield break;
            }

            Check(response);
            if (response.Events.Count > 0)
            {
                yield return response;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(client.Options.ReadTimeout);
            await call.RequestStream.WriteAsync(new WatchRequest { CancelRequest = new WatchCancelRequest { WatchId = WatchId } }, timeout.Token).ConfigureAwait(false);
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RpcException or InvalidOperationException or OperationCanceledException or IOException)
        {
            // The stream is already gone; nothing is left to cancel on the server.
        }

        // Not disposed: a reader may still be about to link to it; it holds no timer.
        await stop.CancelAsync().ConfigureAwait(false);
        call.Dispose();
    }

    internal static async Task<EtcdWatch> StartAsync(EtcdClient client, WatchCreateRequest create, CancellationToken cancellationToken)
    {
        var (call, member) = await client.OpenStreamAsync((m, o) => m.Watch.Watch(o), cancellationToken).ConfigureAwait(false);
        try
        {
            await call.RequestStream.WriteAsync(new WatchRequest { CreateRequest = create }, cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(client.Options.ReadTimeout);
            if (!await call.ResponseStream.MoveNext(timeout.Token).ConfigureAwait(false))
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "the etcd watch stream ended before the watch was created"));
            }

            var created = call.ResponseStream.Current;
            var watch = new EtcdWatch(client, call, member, created.WatchId, created.Header?.Revision ?? 0);
            if (!created.Created || created.Canceled || created.CompactRevision != 0 || created.Events.Count > 0)
            {
                watch.pending = created;
            }

            return watch;
        }
        catch (Exception exception)
        {
            if (exception is RpcException rpc)
            {
                client.StreamFailed(member, rpc);
            }

            call.Dispose();
            throw;
        }
    }

    private static void Check(WatchResponse response)
    {
        if (response.CompactRevision != 0)
        {
            throw new EtcdCompactedException(response.CompactRevision);
        }

        if (response.Canceled)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, $"etcd canceled the watch: {(response.CancelReason.Length == 0 ? "no reason given" : response.CancelReason)}"));
        }
    }

    private async Task<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            // Ego.Grpc reports a canceled read as CANCELLED; callers of a token expect the usual exception.
            throw new OperationCanceledException(exception.Message, exception, cancellationToken);
        }
        catch (RpcException exception)
        {
            client.StreamFailed(member, exception);
            throw;
        }
    }
}
