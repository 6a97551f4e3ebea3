using System.Threading.RateLimiting;

namespace Ego.Resilience.RateLimiting.Internal;

/// <summary>
/// A sliding window on the injected clock: the window is cut into <c>segments</c>; a permit taken in a segment
/// returns when that segment leaves the window. Same counting as the framework's limiter, timed by <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ClockSlidingWindowLimiter : RateLimiter
{
    private readonly Lock gate = new();
    private readonly RateLimitRule rule;
    private readonly TimeProvider timeProvider;
    private readonly long segmentTicks;
    private readonly long origin;
    private readonly int[] taken;
    private long segment;
    private long available;
    private long successful;
    private long failed;

    public ClockSlidingWindowLimiter(RateLimitRule rule, TimeProvider timeProvider)
    {
        this.rule = rule;
        this.timeProvider = timeProvider;
        segmentTicks = Math.Max(1, (long)(rule.Period.TotalSeconds / rule.Segments * timeProvider.TimestampFrequency));
        origin = timeProvider.GetTimestamp();
        taken = new int[rule.Segments];
        available = rule.Permits;
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            Slide();
            return new RateLimiterStatistics { CurrentAvailablePermits = available, TotalSuccessfulLeases = successful, TotalFailedLeases = failed };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            Slide();
            if (available >= permitCount)
            {
                available -= permitCount;
                taken[segment % taken.Length] += permitCount;
                successful++;
                return ClockLease.Acquired;
            }

            failed++;
            var wait = segmentTicks - ((timeProvider.GetTimestamp() - origin) % segmentTicks);
            return ClockLease.Refused(TimeSpan.FromSeconds((double)wait / timeProvider.TimestampFrequency));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Slide()
    {
        var now = (timeProvider.GetTimestamp() - origin) / segmentTicks;
        var steps = Math.Min(now - segment, taken.Length);
        for (var i = 1; i <= steps; i++)
        {
            // The slot being reused held the permits of the segment now leaving the window.
            var slot = (int)((segment + i) % taken.Length);
            available += taken[slot];
            taken[slot] = 0;
        }

        segment = Math.Max(segment, now);
    }
}
