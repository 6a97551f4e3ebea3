using System.Threading.RateLimiting;
using Ego.Observability;
using Ego.Resilience.Concurrency;
using Ego.Resilience.LoadShedding;
using Ego.Resilience.RateLimiting;
using Ego.Resilience.Timeouts;
using Microsoft.Extensions.Logging;

namespace Ego.Resilience.Server.Internal;

/// <summary>
/// The decisions shared by the gRPC interceptor and the HTTP middleware, in order: concurrency cap, load shedding,
/// rate limit; then the deadline. Nothing is allocated for an admitted call unless a concurrency rule leases a permit.
/// </summary>
internal sealed class ServerGovernance : IDisposable
{
    private static readonly TimeSpan ShedRetryAfter = TimeSpan.FromSeconds(1);

    public ServerGovernance(string type, string name, ServerResilienceOptions options, ICpuUsageSource cpu, TimeProvider timeProvider, ILogger logger, bool watchRules, Func<long>? backlog = null)
    {
        Type = type;
        Name = name;
        Options = options;
        TimeProvider = timeProvider;
        Logger = logger;
        Rules = options.EnableRateLimit ? new RateLimitRulesWatcher(options.RateLimitRules, watchRules, timeProvider, logger) : null;
        Shedder = options.EnableShedding
            ? new AdaptiveShedder(cpu, options.SheddingCpuThreshold, options.SheddingWindow, options.SheddingBuckets, timeProvider, backlog ?? AdaptiveShedder.ThreadPoolBacklog)
            : null;
        Gate = options.MaxConcurrentCalls > 0 ? new ConcurrencyGate(options.MaxConcurrentCalls) : null;
        Timeouts = new TimeoutPolicy(name, options.Timeout, options.MethodTimeouts, timeProvider);
        Isolation = options.EnableIsolation;
    }

    public string Type { get; }

    public string Name { get; }

    public ServerResilienceOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public RateLimitRulesWatcher? Rules { get; }

    public AdaptiveShedder? Shedder { get; }

    public ConcurrencyGate? Gate { get; }

    public TimeoutPolicy Timeouts { get; }

    public bool Isolation { get; }

    /// <summary>
    /// Admits or refuses a call. Under overload an admission may be on standby (<see cref="Admission.Standby"/>): the
    /// call must then be settled with <see cref="SettleAsync"/> before it starts.
    /// </summary>
    public bool TryAdmit(string method, out Admission admission, out Rejection rejection)
    {
        admission = default;
        var gated = false;
        if (Gate is { } gate)
        {
            if (!gate.TryEnter())
            {
                rejection = Refuse(method, new(AccessEvent.Limited, ServerResilienceMetrics.MaxConcurrent, ShedRetryAfter, $"server {Name} has {gate.Max} calls in flight (maxConcurrentCalls)"));
                return false;
            }

            gated = true;
        }

        if (Shedder is not { } shedder)
        {
            return TryLease(method, gated, false, 0, out admission, out rejection);
        }

        if (!shedder.TryEnterNewestFirst(out var shedStart, out var standby))
        {
            Undo(gated, false, 0);
            rejection = Shed(method);
            return false;
        }

        if (standby is not null)
        {
            // The rate limit is asked once the call starts: a call dropped on standby should not spend a permit.
            admission = new Admission(gated, true, 0, null, standby);
            rejection = default;
            return true;
        }

        return TryLease(method, gated, true, shedStart, out admission, out rejection);
    }

    /// <summary>Starts a call admitted on standby, or refuses it as shed when a newer arrival took its place.</summary>
    public async ValueTask<(bool Admitted, Admission Admission, Rejection Rejection)> SettleAsync(string method, Admission standby)
    {
        var (started, shedStart) = await standby.Standby!.SettleAfterBacklogAsync().ConfigureAwait(false);
        if (!started)
        {
            Undo(standby.Gated, false, 0);
            return (false, default, Shed(method));
        }

        var admitted = TryLease(method, standby.Gated, true, shedStart, out var admission, out var rejection);
        return (admitted, admission, rejection);
    }

    /// <summary>Ends an admitted call; <paramref name="passed"/> feeds the shedder's capacity estimate.</summary>
    public void Release(in Admission admission, bool passed)
    {
        admission.Lease?.Dispose();
        Undo(admission.Gated, admission.Shedding, admission.ShedStart, passed);
    }

    public void TimedOut(string method, string text)
    {
        ServerResilienceMetrics.Timeout(Type, Name, method);
        ServerResilienceLog.TimeoutHit(Logger, Name, method, text);
    }

    /// <summary>Counts an exception escaping a handler or interceptor when isolation is on.</summary>
    public void Caught(string method)
    {
        if (Isolation)
        {
            ServerResilienceMetrics.Panic(Type, Name, method);
        }
    }

    public void Dispose()
    {
        Rules?.Dispose();
        Timeouts.Dispose();
    }

    private bool TryLease(string method, bool gated, bool shedding, long shedStart, out Admission admission, out Rejection rejection)
    {
        RateLimitLease? lease = null;
        if (Rules?.Current is { IsEmpty: false } limiters && limiters.Find(method) is { } entry)
        {
            lease = entry.Limiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var hint) ? hint : entry.Rule.RetryAfter;
                lease.Dispose();
                Undo(gated, shedding, shedStart);
                admission = default;
                rejection = Refuse(method, new(AccessEvent.Limited, ServerResilienceMetrics.RateLimit, retryAfter,
                    $"rate limit of {(entry.Rule.Target == RateLimitRules.DefaultTarget ? "default" : entry.Rule.Target)} exceeded ({entry.Rule})"));
                return false;
            }
        }

        admission = new Admission(gated, shedding, shedStart, lease, null);
        rejection = default;
        return true;
    }

    private Rejection Shed(string method) =>
        Refuse(method, new(AccessEvent.Shed, ServerResilienceMetrics.Shed, ShedRetryAfter, $"server {Name} is overloaded, call shed"));

    private Rejection Refuse(string method, Rejection rejection)
    {
        ServerResilienceMetrics.Rejection(Type, Name, method, rejection.Reason);
        return rejection;
    }

    private void Undo(bool gated, bool shedding, long shedStart, bool passed = false)
    {
        if (shedding)
        {
            Shedder!.Exit(shedStart, passed);
        }

        if (gated)
        {
            Gate!.Exit();
        }
    }
}
