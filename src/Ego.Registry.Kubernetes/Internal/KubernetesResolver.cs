using System.Runtime.CompilerServices;
using Ego.Discovery;
using Microsoft.Extensions.Logging;

namespace Ego.Registry.Kubernetes.Internal;

/// <summary>
/// Follows one Service: lists its EndpointSlices (or Endpoints), then watches from the list's resource version, relisting
/// on 410 Gone and rewatching from the last version (bookmarks included) when a watch ends. While the API cannot be
/// reached the last set stays published and requests are retried with exponential backoff.
/// </summary>
internal sealed class KubernetesResolver : IServiceResolver
{
    private readonly KubernetesApiClient api;
    private readonly KubernetesOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Action<KubernetesResolver> disposed;
    private readonly EndpointBroadcast broadcast = new();
    private readonly Dictionary<string, IReadOnlyList<ServiceEndpoint>> objects = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private CancellationTokenSource retryNow = new();
    private Task? loop;
    private int failures;
    private int disposedOnce;

    public KubernetesResolver(ResolverTarget target, KubernetesTarget service, KubernetesApiClient api, KubernetesOptions options, TimeProvider time, ILogger logger, Action<KubernetesResolver> disposed)
    {
        Target = target;
        Service = service;
        this.api = api;
        this.options = options;
        this.time = time;
        this.logger = logger;
        this.disposed = disposed;
    }

    public ResolverTarget Target { get; }

    public KubernetesTarget Service { get; }

    public ResolverStatus Status { get; } = new();

    public async IAsyncEnumerable<IReadOnlyList<ServiceEndpoint>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (gate)
        {
            loop ??= Task.Run(() => RunAsync(stop.Token), CancellationToken.None);
        }

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop.Token);
        long seen = 0;
        while (!ending.IsCancellationRequested)
        {
            var (set, version, next) = broadcast.Snapshot();
            if (set is not null && version != seen)
            {
                seen = version;
                yield return set;
                continue;
            }

            await next.WaitAsync(ending.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Ends the current backoff wait, so a failing API is tried again now.</summary>
    public void Refresh()
    {
        lock (gate)
        {
            retryNow.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposedOnce, 1) == 1)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // stop is not disposed: readers may still hold its token, and without a timer it owns nothing to release.
        disposed(this);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (Status.ResourceVersion is null)
                {
                    await ListAsync(cancellationToken).ConfigureAwait(false);
                }

                await WatchOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubernetesApiException exception) when (exception.IsGone)
            {
                KubernetesLog.ResourceVersionExpired(logger, Target.Original, Status.ResourceVersion);
                Status.ResourceVersion = null;
            }
            catch (KubernetesApiException exception) when (exception.StatusCode == 404 && Status.Source == EndpointSource.EndpointSlices && Status.ResourceVersion is null)
            {
                KubernetesLog.FallingBackToEndpoints(logger, Target.Original);
                Status.Source = EndpointSource.Endpoints;
            }
            catch (Exception exception)
            {
                await BackoffAsync(exception, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var list = await api.ListAsync(Status.Source, Service, cancellationToken).ConfigureAwait(false);
        objects.Clear();
        foreach (var item in list.Items)
        {
            objects[item.Name] = item.Endpoints;
        }

        Status.ResourceVersion = list.ResourceVersion;
        Status.Lists++;
        failures = 0;
        Publish();
    }

    private async Task WatchOnceAsync(CancellationToken cancellationToken)
    {
        Status.Watches++;
        var started = time.GetTimestamp();
        var received = 0;
        await foreach (var change in api.WatchAsync(Status.Source, Service, Status.ResourceVersion ?? "", options.WatchTimeout, cancellationToken).ConfigureAwait(false))
        {
            failures = 0;
            received++;
            switch (change.Type)
            {
                case "ERROR":
                    var status = change.Status!;
                    throw new KubernetesApiException(status.Code ?? 500, $"watch sent ERROR {status.Code} {status.Reason}: {status.Message}");
                case "ADDED" or "MODIFIED":
                    objects[change.Item.Name] = change.Item.Endpoints;
                    Publish();
                    break;
                case "DELETED":
                    objects.Remove(change.Item.Name);
                    Publish();
                    break;
            }

            // Bookmarks carry nothing but a newer version to continue from, which spares replaying events on the next watch.
            Status.ResourceVersion = change.ResourceVersion ?? Status.ResourceVersion;
        }

        // A watch the server (or a proxy) closes at once would otherwise be reopened in a tight loop.
        var lasted = time.GetElapsedTime(started);
        if (received == 0 && lasted < TimeSpan.FromSeconds(1))
        {
            throw new IOException($"the watch closed after {lasted.TotalMilliseconds:0}ms without an event");
        }
    }

    private void Publish()
    {
        var set = objects.Values.SelectMany(e => e).Distinct()
            .OrderBy(e => e.Host, StringComparer.Ordinal).ThenBy(e => e.Port).ToArray();
        var before = broadcast.Count;
        broadcast.Publish(set);
        Status.Endpoints = set.Length;
        Status.LastError = null;
        if (before != set.Length)
        {
            KubernetesLog.EndpointsChanged(logger, Target.Original, set.Length, Status.Source);
        }
    }

    private async Task BackoffAsync(Exception exception, CancellationToken cancellationToken)
    {
        failures++;
        var delay = TimeSpan.FromTicks(Math.Min(options.BackoffMax.Ticks, options.BackoffMin.Ticks * (1L << Math.Min(failures - 1, 20))));
        Status.LastError = Describe(exception);
        Status.LastErrorAt = time.GetUtcNow();
        KubernetesLog.RequestFailed(logger, Target.Original, Status.LastError, Math.Max(0, broadcast.Count), delay);
        CancellationTokenSource wake;
        lock (gate)
        {
            if (retryNow.IsCancellationRequested)
            {
                retryNow.Dispose();
                retryNow = new CancellationTokenSource();
            }

            wake = retryNow;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wake.Token);
        await Task.Delay(delay, time, linked.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>The message with those of its inner exceptions, which carry the cause of connection and TLS failures.</summary>
    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null && messages.Count < 4; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(": ", messages);
    }
}
