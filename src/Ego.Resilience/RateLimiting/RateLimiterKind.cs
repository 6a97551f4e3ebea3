namespace Ego.Resilience.RateLimiting;

/// <summary>The algorithm of a rate-limit rule (<c>type</c> in the rules file).</summary>
public enum RateLimiterKind
{
    /// <summary><c>tokenBucket</c>: bursts up to <c>permits</c>, refilled by <c>tokensPerPeriod</c> every <c>period</c>.</summary>
    TokenBucket,

    /// <summary><c>slidingWindow</c>: at most <c>permits</c> per <c>period</c>, counted in <c>segments</c> slices.</summary>
    SlidingWindow,

    /// <summary><c>concurrency</c>: at most <c>permits</c> calls in flight.</summary>
    Concurrency,
}
