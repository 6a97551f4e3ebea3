namespace Ego.Resilience.RateLimiting;

/// <summary>One limiter of the rules file: for a gRPC method (<c>/pkg.Svc/Method</c>), an HTTP route (<c>GET./path</c>) or the default.</summary>
/// <param name="Target">The method or route, or <see cref="RateLimitRules.DefaultTarget"/>.</param>
/// <param name="Kind">The algorithm.</param>
/// <param name="Permits">Bucket size, calls per window, or calls in flight.</param>
/// <param name="Period">Refill period (token bucket) or window (sliding window); unused by concurrency.</param>
/// <param name="TokensPerPeriod">Tokens added every period (token bucket).</param>
/// <param name="Segments">Slices of the window (sliding window).</param>
public sealed record RateLimitRule(string Target, RateLimiterKind Kind, int Permits, TimeSpan Period, int TokensPerPeriod, int Segments)
{
    /// <summary>The hint given to refused callers: when the next permit can be expected.</summary>
    public TimeSpan RetryAfter => Kind switch
    {
        RateLimiterKind.SlidingWindow => Period / Segments,
        RateLimiterKind.TokenBucket => Period,
        _ => TimeSpan.FromSeconds(1),
    };

    public override string ToString() => Kind switch
    {
        RateLimiterKind.TokenBucket => $"tokenBucket permits={Permits} tokensPerPeriod={TokensPerPeriod} period={Period.TotalMilliseconds}ms",
        RateLimiterKind.SlidingWindow => $"slidingWindow permits={Permits} period={Period.TotalMilliseconds}ms segments={Segments}",
        _ => $"concurrency permits={Permits}",
    };
}
