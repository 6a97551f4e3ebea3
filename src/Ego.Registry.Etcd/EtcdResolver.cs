using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Ego.Discovery;
using Ego.Grpc;
using Ego.Registry.Etcd.Internal;
using Ego.Registry.Etcd.Protocol;

namespace Ego.Registry.Etcd;

/// <summary>
/// Follows the instances of one application registered in etcd: a prefix read, then a watch from the next revision.
/// A compacted watch reloads in full; while etcd is unreachable the last known endpoints stay published, and the
/// resolver reads and watches again once it is back.
/// </summary>
public sealed class EtcdResolver : IServiceResolver
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(3);
    private readonly EtcdClient client;
    private readonly string appPrefix;
    private readonly string scheme;
    private readonly CancellationTokenSource disposed = new();

    internal EtcdResolver(EtcdClient client, ResolverTarget target, string appPrefix, string scheme)
    {
        this.client = client;
        this.appPrefix = appPrefix;
        this.scheme = scheme;
        Target = target;
    }

    public ResolverTarget Target { get; }

    public async IAsyncEnumerable<IReadOnlyList<ServiceEndpoint>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, disposed.Token);
        var updates = Channel.CreateBounded<IReadOnlyList<ServiceEndpoint>>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var loop = Task.Run(() => RunAsync(updates.Writer, linked.Token), CancellationToken.None);
        try
        {
            while (true)
            {
                IReadOnlyList<ServiceEndpoint> endpoints;
                try
                {
                    endpoints = await updates.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                yield return endpoints;
            }
        }
        finally
        {
            await linked.CancelAsync().ConfigureAwait(false);
            await loop.ConfigureAwait(false);
        }
    }

    /// <summary>Nothing to do: etcd pushes every change through the watch.</summary>
    public void Refresh()
    {
    }

    public async ValueTask DisposeAsync()
    {
        await disposed.CancelAsync().ConfigureAwait(false);
        disposed.Dispose();
    }

    private async Task RunAsync(ChannelWriter<IReadOnlyList<ServiceEndpoint>> updates, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, ServiceEndpoint>(StringComparer.Ordinal);
        var published = (IReadOnlyList<ServiceEndpoint>?)null;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var range = await client.GetAsync(appPrefix, prefix: true, cancellationToken).ConfigureAwait(false);
                known.Clear();
                foreach (var kv in range.Kvs)
                {
                    Apply(known, kv, deleted: false);
                }

                Publish(known, ref published, updates);
                backoff = TimeSpan.FromMilliseconds(100);
                await using var watch = await client.WatchAsync(appPrefix, prefix: true, range.Header.Revision + 1, cancellationToken).ConfigureAwait(false);
                await foreach (var response in watch.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    foreach (var change in response.Events)
                    {
                        Apply(known, change.Kv, change.Type == Event.Types.EventType.Delete);
                    }

                    Publish(known, ref published, updates);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (EtcdCompactedException exception)
            {
                EtcdLog.WatchCompacted(client.Logger, Target.Original, exception.CompactRevision);
                continue;
            }
            catch (Exception exception) when (exception is RpcException or OperationCanceledException or IOException)
            {
                EtcdLog.ResolveFailed(client.Logger, Target.Original, known.Count, backoff, exception.Message);
            }

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

    private void Apply(Dictionary<string, ServiceEndpoint> known, KeyValue kv, bool deleted)
    {
        var key = kv.Key.ToStringUtf8();
        if (deleted)
        {
            known.Remove(key);
            return;
        }

        if (!EtcdServiceKey.TryParse(key, appPrefix, out var keyScheme, out var endpoint) || endpoint is null)
        {
            EtcdLog.BadKey(client.Logger, key, "expected " + appPrefix + "{scheme}://{host}:{port}");
            return;
        }

        if (!string.Equals(keyScheme, scheme, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var info = ServiceInfo.Parse(kv.Value.ToStringUtf8());
        if (info is { Enable: false })
        {
            known.Remove(key);
            return;
        }

        known[key] = info is null ? endpoint : endpoint with { Attributes = info.Attributes() };
    }

    private void Publish(Dictionary<string, ServiceEndpoint> known, ref IReadOnlyList<ServiceEndpoint>? published, ChannelWriter<IReadOnlyList<ServiceEndpoint>> updates)
    {
        var current = known.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Value).ToList();
        if (published is not null && published.Count == current.Count && published.Zip(current).All(p => p.First.Equals(p.Second) && SameAttributes(p.First, p.Second)))
        {
            return;
        }

        published = current;
        EtcdLog.Resolved(client.Logger, Target.Original, current.Count);
        updates.TryWrite(current);
    }

    private static bool SameAttributes(ServiceEndpoint a, ServiceEndpoint b)
        => a.Attributes.Count == b.Attributes.Count && a.Attributes.All(p => b.Attributes.TryGetValue(p.Key, out var v) && v == p.Value);
}
