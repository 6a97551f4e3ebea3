using Ego.Discovery.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Discovery;

/// <summary>
/// The endpoints of one client target: follows its resolver, keeps one <see cref="Subchannel"/> per endpoint (its
/// figures survive set changes) and picks one per call with the balancer. The set is an immutable array swapped
/// atomically, so picking takes no lock.
/// </summary>
public sealed class BalancedEndpoints : IAsyncDisposable
{
    private static readonly Subchannel[] None = [];
    private readonly IServiceResolver _resolver;
    private readonly Func<ServiceEndpoint, Uri> _baseUri;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _resolved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _watch;
    private Subchannel[] _subchannels = None;
    private string? _resolverError;

    /// <param name="resolver">The source of endpoints; disposed with this object.</param>
    /// <param name="balancer">Picks the endpoint of each call.</param>
    /// <param name="timeProvider">The clock of latencies and backoffs.</param>
    /// <param name="baseUri">The base URI of an endpoint; <see cref="ServiceEndpointSchemes.BaseUri"/> by default.</param>
    /// <param name="logger">Where set changes and resolver failures are logged.</param>
    public BalancedEndpoints(IServiceResolver resolver, IBalancer balancer, TimeProvider? timeProvider = null, Func<ServiceEndpoint, Uri>? baseUri = null, ILogger? logger = null)
    {
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        Balancer = balancer ?? throw new ArgumentNullException(nameof(balancer));
        TimeProvider = timeProvider ?? TimeProvider.System;
        _baseUri = baseUri ?? ServiceEndpointSchemes.BaseUri;
        _logger = logger ?? NullLogger.Instance;
        // Started inline: a resolver that knows its set at once (a static list) publishes it before the constructor returns.
        _watch = WatchAsync();
    }

    public ResolverTarget Target => _resolver.Target;

    public IBalancer Balancer { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The current endpoints, in resolver order.</summary>
    public IReadOnlyList<Subchannel> Subchannels => Volatile.Read(ref _subchannels);

    /// <summary>Completes once the resolver has published its first set (possibly empty); never faults.</summary>
    public Task Resolved => _resolved.Task;

    /// <summary>
    /// Waits for the resolver's first set, for at most <paramref name="timeout"/>: a resolver whose source is down keeps
    /// trying without publishing, and a call must then fail rather than hang. False when the set did not come in time.
    /// </summary>
    public async ValueTask<bool> WaitResolvedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_resolved.Task.IsCompleted)
        {
            return true;
        }

        try
        {
            await _resolved.Task.WaitAsync(timeout, TimeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The endpoint of the next call, or null when there is none or all are in connection backoff.</summary>
    public Subchannel? Pick() => Balancer.Pick(Volatile.Read(ref _subchannels), TimeProvider.GetTimestamp());

    /// <summary>
    /// Records a failed connection to <paramref name="subchannel"/>: it is skipped for a backoff, and the resolver is
    /// asked to look again (DNS answers may have changed).
    /// </summary>
    public void OnConnectFailed(Subchannel subchannel, TimeSpan initialBackoff, TimeSpan maxBackoff)
    {
        ArgumentNullException.ThrowIfNull(subchannel);
        subchannel.OnConnectFailed(TimeProvider, initialBackoff, maxBackoff);
        _resolver.Refresh();
    }

    /// <summary>Why <see cref="Pick"/> found nothing, naming the target, for the UNAVAILABLE status of the call.</summary>
    public string DescribeUnavailable()
    {
        var subchannels = Volatile.Read(ref _subchannels);
        var reason = !_resolved.Task.IsCompleted ? "its endpoints are not resolved yet"
            : subchannels.Length == 0 ? "the resolver found no endpoint"
            : $"all {subchannels.Length} endpoints failed to connect and are in backoff ({string.Join(", ", subchannels.Select(s => s.Endpoint.Address))})";
        var error = Volatile.Read(ref _resolverError);
        return $"no endpoint available for target '{Target.Original}': {reason}" + (error is null ? "" : $"; last resolver error: {error}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _resolver.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        var retry = TimeSpan.FromSeconds(1);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await foreach (var endpoints in _resolver.WatchAsync(_stop.Token).ConfigureAwait(false))
                {
                    Publish(endpoints);
                    retry = TimeSpan.FromSeconds(1);
                }

                return;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A resolver that fails keeps the last set; before any set, calls fail at once instead of waiting.
                Volatile.Write(ref _resolverError, exception.Message);
                DiscoveryLog.ResolverFailed(_logger, Target.Original, retry, exception);
                _resolved.TrySetResult();
            }

            await Task.Delay(retry, TimeProvider, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private void Publish(IReadOnlyList<ServiceEndpoint> endpoints)
    {
        var current = Volatile.Read(ref _subchannels);
        var next = new Subchannel[endpoints.Count];
        for (var i = 0; i < next.Length; i++)
        {
            var endpoint = endpoints[i];
            next[i] = Array.Find(current, s => s.Endpoint.Equals(endpoint)) ?? new Subchannel(endpoint, _baseUri(endpoint));
        }

        Volatile.Write(ref _subchannels, next);
        Volatile.Write(ref _resolverError, null);
        DiscoveryLog.EndpointsChanged(_logger, Target.Original, next.Length, string.Join(",", endpoints.Select(e => e.Address)));
        _resolved.TrySetResult();
    }
}
