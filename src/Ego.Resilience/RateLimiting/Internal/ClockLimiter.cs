using System.Threading.RateLimiting;

namespace Ego.Resilience.RateLimiting.Internal;

/// <summary>
/// What the clock-driven limiters share: one lock, success and failure counts, non-queueing acquisition, and a refusal
/// that carries how long until permits come back. A limiter brings its permits up to date for a clock reading
/// (<see cref="Refresh"/>), takes permits and says when more arrive.
/// </summary>
internal abstract class ClockLimiter(TimeProvider timeProvider) : RateLimiter
{
    private readonly Lock gate = new();
    private long successful;
    private long failed;

    public override TimeSpan? IdleDuration => null;

    /// <summary>Permits available since the last <see cref="Refresh"/>.</summary>
    protected abstract long Available { get; }

    /// <summary>Returns to <see cref="Available"/> what the time up to <paramref name="timestamp"/> gave back.</summary>
    protected abstract void Refresh(long timestamp);

    protected abstract void Take(int permitCount);

    /// <summary>Clock ticks from <paramref name="timestamp"/> until more permits are available.</summary>
    protected abstract long TicksUntilMore(long timestamp);

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            Refresh(timeProvider.GetTimestamp());
            return new RateLimiterStatistics { CurrentAvailablePermits = Available, TotalSuccessfulLeases = successful, TotalFailedLeases = failed };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            var now = timeProvider.GetTimestamp();
            Refresh(now);
            if (Available >= permitCount)
            {
                Take(permitCount);
                successful++;
                return ClockLease.Acquired;
            }

            failed++;
            return ClockLease.Refused(TimeSpan.FromSeconds((double)TicksUntilMore(now) / timeProvider.TimestampFrequency));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));
}
