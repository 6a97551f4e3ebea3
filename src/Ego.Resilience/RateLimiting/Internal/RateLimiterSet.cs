using System.Collections.Frozen;
using System.Threading.RateLimiting;

namespace Ego.Resilience.RateLimiting.Internal;

/// <summary>
/// The live limiters of one set of rules. Lookup is one frozen-dictionary hit on the method or route name; refills are
/// driven by timers of the injected clock rather than the limiters' own, so tests control time.
/// </summary>
internal sealed class RateLimiterSet : IDisposable
{
    private readonly FrozenDictionary<string, Entry> byTarget;
    private readonly Entry? fallback;
    private readonly List<ITimer> timers = [];

    public RateLimiterSet(RateLimitRules rules, TimeProvider timeProvider)
    {
        Rules = rules;
        byTarget = rules.ByTarget.ToFrozenDictionary(pair => pair.Key, pair => Create(pair.Value, timeProvider), StringComparer.Ordinal);
        fallback = rules.Default is { } rule ? Create(rule, timeProvider) : null;
    }

    public RateLimitRules Rules { get; }

    /// <summary>True when no rule exists, so callers can skip the lookup.</summary>
    public bool IsEmpty => fallback is null && byTarget.Count == 0;

    /// <summary>The limiter of <paramref name="target"/>, else the default one, else <c>null</c>.</summary>
    public Entry? Find(string target) => byTarget.TryGetValue(target, out var entry) ? entry : fallback;

    // Stops the refills only: a call that found a limiter just before a reload may still acquire from it, and these
    // limiters (no auto-replenishment, no queue) hold nothing else to release.
    public void Dispose()
    {
        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private Entry Create(RateLimitRule rule, TimeProvider timeProvider)
    {
        RateLimiter limiter = rule.Kind switch
        {
            RateLimiterKind.TokenBucket => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = rule.Permits,
                TokensPerPeriod = rule.TokensPerPeriod,
                ReplenishmentPeriod = rule.Period,
                AutoReplenishment = false,
                QueueLimit = 0,
            }),
            RateLimiterKind.SlidingWindow => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = rule.Permits,
                Window = rule.Period,
                SegmentsPerWindow = rule.Segments,
                AutoReplenishment = false,
                QueueLimit = 0,
            }),
            _ => new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = rule.Permits, QueueLimit = 0 }),
        };
        if (limiter is ReplenishingRateLimiter replenishing)
        {
            var interval = rule.Kind == RateLimiterKind.SlidingWindow ? rule.Period / rule.Segments : rule.Period;
            timers.Add(timeProvider.CreateTimer(static state => ((ReplenishingRateLimiter)state!).TryReplenish(), replenishing, interval, interval));
        }

        return new Entry(rule, limiter);
    }

    /// <summary>A rule and its limiter.</summary>
    public sealed record Entry(RateLimitRule Rule, RateLimiter Limiter);
}
