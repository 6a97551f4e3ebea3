using Ego.Grpc;
using Ego.Registry.Etcd.Protocol;

namespace Ego.Registry.Etcd.Internal;

/// <summary>
/// Keeps one key registered: lease, put, keepalive and a watch on the key. A lost lease or a deleted key starts over;
/// etcd being unreachable is retried with backoff until the session is stopped.
/// </summary>
internal sealed class RegistrationSession
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private readonly EtcdClient client;
    private readonly EtcdRegistryOptions options;
    private readonly string value;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task loop = Task.CompletedTask;
    private long leaseId;

    public RegistrationSession(EtcdClient client, EtcdRegistryOptions options, string key, string value)
    {
        this.client = client;
        this.options = options;
        this.value = value;
        Key = key;
    }

    public string Key { get; }

    /// <summary>Completes at the first successful put, or fails with the first attempt's error (the session keeps retrying).</summary>
    public Task Registered => registered.Task;

    public bool IsStarted { get; private set; }

    public void Start()
    {
        IsStarted = true;
        loop = Task.Run(() => RunAsync(stop.Token));
    }

    /// <summary>Stops renewing, then deletes the key and revokes the lease so watchers see the instance leave at once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        var lease = Interlocked.Read(ref leaseId);
        try
        {
            await client.DeleteAsync(Key, prefix: false, cancellationToken).ConfigureAwait(false);
            if (lease != 0)
            {
                await client.RevokeLeaseAsync(lease, cancellationToken).ConfigureAwait(false);
            }

            EtcdLog.Deregistered(client.Logger, Key);
        }
        catch (Exception exception) when (exception is RpcException or OperationCanceledException)
        {
            EtcdLog.DeregisterFailed(client.Logger, Key, exception.Message);
        }
        finally
        {
            stop.Dispose();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var revision = await RegisterOnceAsync(cancellationToken).ConfigureAwait(false);
                registered.TrySetResult();
                backoff = TimeSpan.FromMilliseconds(200);
                var reason = await HoldAsync(Interlocked.Read(ref leaseId), revision, cancellationToken).ConfigureAwait(false);
                EtcdLog.RegistrationLost(client.Logger, Key, reason);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RpcException or OperationCanceledException or IOException)
            {
                registered.TrySetException(exception);
                EtcdLog.RegisterFailed(client.Logger, Key, backoff, exception.Message);
                try
                {
                    await Task.Delay(backoff, client.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>Grants a fresh lease and puts the key on it; returns the revision of the put.</summary>
    private async Task<long> RegisterOnceAsync(CancellationToken cancellationToken)
    {
        var previous = Interlocked.Exchange(ref leaseId, 0);
        if (previous != 0)
        {
            // A key deleted by hand leaves its lease behind; drop it rather than let it run out.
            try
            {
                await client.RevokeLeaseAsync(previous, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException)
            {
            }
        }

        var lease = await client.GrantLeaseAsync(options.ServiceTTL, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(lease.Error))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "etcd refused a lease: " + lease.Error));
        }

        Interlocked.Exchange(ref leaseId, lease.ID);
        var put = await client.PutAsync(Key, value, lease.ID, cancellationToken).ConfigureAwait(false);
        EtcdLog.Registered(client.Logger, Key, lease.ID, lease.TTL);
        return put.Header.Revision;
    }

    /// <summary>Renews the lease and watches the key until either is lost; returns why.</summary>
    private async Task<string> HoldAsync(long lease, long revision, CancellationToken cancellationToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ttl = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(options.ServiceTTL.TotalSeconds)));
        var keepAlive = LeaseKeeper.KeepAliveUntilLostAsync(client, lease, ttl, session.Token);
        var watch = WatchUntilDeletedAsync(revision + 1, session.Token);
        var first = await Task.WhenAny(keepAlive, watch).ConfigureAwait(false);
        await session.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(keepAlive, watch).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        cancellationToken.ThrowIfCancellationRequested();
        return await first.ConfigureAwait(false);
    }

    private async Task<string> WatchUntilDeletedAsync(long fromRevision, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await using var watch = await client.WatchAsync(Key, prefix: false, fromRevision, cancellationToken).ConfigureAwait(false);
                await foreach (var response in watch.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (response.Events.Any(e => e.Type == Event.Types.EventType.Delete))
                    {
                        return "key deleted";
                    }

                    fromRevision = response.Header.Revision + 1;
                }
            }
            catch (EtcdCompactedException)
            {
                var current = await client.GetAsync(Key, prefix: false, cancellationToken).ConfigureAwait(false);
                if (current.Kvs.Count == 0)
                {
                    return "key deleted";
                }

                fromRevision = current.Header.Revision + 1;
                continue;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is RpcException or IOException or OperationCanceledException)
            {
                // Unreachable etcd is the keepalive's to judge: the key lives as long as its lease.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), client.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
