using System.Threading.RateLimiting;

namespace Ego.Resilience.RateLimiting.Internal;

/// <summary>
/// A token bucket on the injected clock: <c>tokensPerPeriod</c> are added for every whole period passed, up to the
/// limit. The framework's limiter measures periods with its own stopwatch even when replenished by hand, so time
/// could not be controlled in tests; this one computes refills from <see cref="TimeProvider.GetTimestamp"/> on use.
/// </summary>
internal sealed class ClockTokenBucketLimiter(RateLimitRule rule, TimeProvider timeProvider) : RateLimiter
{
    private readonly Lock gate = new();
    private readonly long periodTicks = Math.Max(1, (long)(rule.Period.TotalSeconds * timeProvider.TimestampFrequency));
    private long tokens = rule.Permits;
    private long refilledAt = timeProvider.GetTimestamp();
    private long successful;
    private long failed;

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = tokens, TotalSuccessfulLeases = successful, TotalFailedLeases = failed };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            Refill();
            if (tokens >= permitCount)
            {
                tokens -= permitCount;
                successful++;
                return ClockLease.Acquired;
            }

            failed++;
            var wait = periodTicks - (timeProvider.GetTimestamp() - refilledAt);
            return ClockLease.Refused(TimeSpan.FromSeconds((double)wait / timeProvider.TimestampFrequency));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Refill()
    {
        var periods = (timeProvider.GetTimestamp() - refilledAt) / periodTicks;
        if (periods > 0)
        {
            tokens = Math.Min(rule.Permits, tokens + periods * rule.TokensPerPeriod);
            refilledAt += periods * periodTicks;
        }
    }
}
