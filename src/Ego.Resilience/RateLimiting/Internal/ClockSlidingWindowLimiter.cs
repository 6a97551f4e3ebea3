namespace Ego.Resilience.RateLimiting.Internal;

/// <summary>
/// A sliding window on the injected clock: the window is cut into <c>segments</c>; a permit taken in a segment
/// returns when that segment leaves the window. Same counting as the framework's limiter, timed by <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ClockSlidingWindowLimiter : ClockLimiter
{
    private readonly long segmentTicks;
    private readonly long origin;
    private readonly int[] taken;
    private long segment;
    private long available;

    public ClockSlidingWindowLimiter(RateLimitRule rule, TimeProvider timeProvider)
        : base(timeProvider)
    {
        segmentTicks = Math.Max(1, (long)(rule.Period.TotalSeconds / rule.Segments * timeProvider.TimestampFrequency));
        origin = timeProvider.GetTimestamp();
        taken = new int[rule.Segments];
        available = rule.Permits;
    }

    protected override long Available => available;

    protected override void Take(int permitCount)
    {
        available -= permitCount;
        taken[segment % taken.Length] += permitCount;
    }

    protected override long TicksUntilMore(long timestamp) => segmentTicks - ((timestamp - origin) % segmentTicks);

    protected override void Refresh(long timestamp)
    {
        var now = (timestamp - origin) / segmentTicks;
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
