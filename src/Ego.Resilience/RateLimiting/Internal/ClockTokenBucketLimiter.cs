namespace Ego.Resilience.RateLimiting.Internal;

/// <summary>
/// A token bucket on the injected clock: <c>tokensPerPeriod</c> are added for every whole period passed, up to the
/// limit. The framework's limiter measures periods with its own stopwatch even when replenished by hand, so time
/// could not be controlled in tests; this one computes refills from <see cref="TimeProvider.GetTimestamp"/> on use.
/// </summary>
internal sealed class ClockTokenBucketLimiter(RateLimitRule rule, TimeProvider timeProvider) : ClockLimiter(timeProvider)
{
    private readonly long periodTicks = Math.Max(1, (long)(rule.Period.TotalSeconds * timeProvider.TimestampFrequency));
    private long tokens = rule.Permits;
    private long refilledAt = timeProvider.GetTimestamp();

    protected override long Available => tokens;

    protected override void Take(int permitCount) => tokens -= permitCount;

    protected override long TicksUntilMore(long timestamp) => periodTicks - (timestamp - refilledAt);

    protected override void Refresh(long timestamp)
    {
        var periods = (timestamp - refilledAt) / periodTicks;
        if (periods > 0)
        {
            tokens = Math.Min(rule.Permits, tokens + periods * rule.TokensPerPeriod);
            refilledAt += periods * periodTicks;
        }
    }
}
