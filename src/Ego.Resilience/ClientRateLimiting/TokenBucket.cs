using Ego.Resilience.Client.Internal;

namespace Ego.Resilience.ClientRateLimiting;

/// <summary>
/// A token bucket refilled continuously at <c>rps</c>, holding at most <c>burst</c> tokens. Kept as the time the
/// bucket will be full again (the generic cell rate algorithm), so taking a token is one compare-and-swap.
/// </summary>
public sealed class TokenBucket
{
    private readonly CoarseClock clock;
    private readonly long interval;
    private readonly long tolerance;
    private long full;

    public TokenBucket(double rps, int burst, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rps);
        ArgumentOutOfRangeException.ThrowIfNegative(burst);
        clock = new CoarseClock(time ?? TimeProvider.System);
        var capacity = burst > 0 ? burst : Math.Max(1, (long)Math.Ceiling(rps));
        interval = Math.Max(1, (long)(clock.Frequency / rps));
        tolerance = (capacity - 1) * interval;
        full = long.MinValue / 2;
    }

    /// <summary>Takes a token if one is left.</summary>
    public bool TryAcquire()
    {
        var now = clock.Now();
        var seen = Volatile.Read(ref full);
        while (true)
        {
            // Each token moves the full-again time one interval later; more than the burst ahead of now is empty.
            var next = Math.Max(seen, now) + interval;
            if (next - now > tolerance + interval)
            {
                // The clock may have been read just before another caller read a later tick and moved the bucket on
                // (the coarse clock steps by milliseconds, more than a tight burst tolerates): read it again before
                // refusing, so only a bucket that is empty now refuses.
                var fresh = clock.Now();
                if (fresh > now)
                {
                    now = fresh;
                    continue;
                }

                return false;
            }

            var current = Interlocked.CompareExchange(ref full, next, seen);
            if (current == seen)
            {
                return true;
            }

            seen = current;
        }
    }
}
