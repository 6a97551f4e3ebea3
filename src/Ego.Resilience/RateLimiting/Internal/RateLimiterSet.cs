using System.Collections.Frozen;
using System.Threading.RateLimiting;

namespace Ego.Resilience.RateLimiting.Internal;

/// <summary>
/// The live limiters of one set of rules. Lookup is one frozen-dictionary hit on the method or route name. They hold
/// no timers or handles, so a set replaced by a reload is simply dropped, even while calls still hold its leases.
/// </summary>
internal sealed class RateLimiterSet
{
    private readonly FrozenDictionary<string, Entry> byTarget;
    private readonly Entry? fallback;

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

    private static Entry Create(RateLimitRule rule, TimeProvider timeProvider)
    {
        RateLimiter limiter = rule.Kind switch
        {
            RateLimiterKind.TokenBucket => new ClockTokenBucketLimiter(rule, timeProvider),
            RateLimiterKind.SlidingWindow => new ClockSlidingWindowLimiter(rule, timeProvider),
            _ => new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = rule.Permits, QueueLimit = 0 }),
        };
        return new Entry(rule, limiter);
    }

    /// <summary>A rule and its limiter.</summary>
    public sealed record Entry(RateLimitRule Rule, RateLimiter Limiter);
}
