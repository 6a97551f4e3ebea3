using Ego.Grpc;
using Ego.Registry.Etcd.Protocol;

namespace Ego.Registry.Etcd.Internal;

/// <summary>Keeps one lease alive over a LeaseKeepAlive stream, reopening the stream (on the next member) when it fails.</summary>
internal static class LeaseKeeper
{
    /// <summary>Renews <paramref name="leaseId"/> every third of <paramref name="ttl"/>; returns why once the lease is gone.</summary>
    public static async Task<string> KeepAliveUntilLostAsync(EtcdClient client, long leaseId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var time = client.TimeProvider;
        var lastRenewed = time.GetUtcNow();
        var period = ttl / 3;
        while (true)
        {
            var member = -1;
            try
            {
                var (call, index) = await client.OpenStreamAsync((m, o) => m.Lease.LeaseKeepAlive(o), cancellationToken).ConfigureAwait(false);
                member = index;
                using (call)
                {
                    while (true)
                    {
                        await call.RequestStream.WriteAsync(new LeaseKeepAliveRequest { ID = leaseId }, cancellationToken).ConfigureAwait(false);
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        timeout.CancelAfter(client.Options.ReadTimeout);
                        if (!await call.ResponseStream.MoveNext(timeout.Token).ConfigureAwait(false))
                        {
                            break;
                        }

                        if (call.ResponseStream.Current.TTL <= 0)
                        {
                            return $"lease {leaseId:x} expired or was revoked";
                        }

                        lastRenewed = time.GetUtcNow();
                        await Task.Delay(period, time, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is RpcException or OperationCanceledException or IOException or InvalidOperationException)
            {
                if (member >= 0 && exception is RpcException rpc)
                {
                    client.StreamFailed(member, rpc);
                }
            }

            if (time.GetUtcNow() - lastRenewed >= ttl)
            {
                return $"lease {leaseId:x} not renewed for {ttl.TotalSeconds}s";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
