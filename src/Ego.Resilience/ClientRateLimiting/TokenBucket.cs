namespace Ego.Resilience.ClientRateLimiting;

/// <summary>A token bucket refilled continuously at <c>rps</c>, holding at most <c>burst</c> tokens.</summary>
public sealed class TokenBucket
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly double perTick;
    private readonly double capacity;
    private double tokens;
    private long updated;

    public TokenBucket(double rps, int burst, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rps);
        ArgumentOutOfRangeException.ThrowIfNegative(burst);
        this.time = time ?? TimeProvider.System;
        perTick = rps / this.time.TimestampFrequency;
        capacity = burst > 0 ? burst : Math.Max(1, Math.Ceiling(rps));
        tokens = capacity;
        updated = this.time.GetTimestamp();
    }

    /// <summary>Takes a token if one is left.</summary>
    public bool TryAcquire()
    {
        var now = time.GetTimestamp();
        lock (gate)
        {
            // A caller that read the clock before another took the lock must not move the refill time back.
            if (now > updated)
            {
                tokens = Math.Min(capacity, tokens + (now - updated) * perTick);
                updated = now;
            }

            if (tokens < 1)
            {
                return false;
            }

            tokens -= 1;
            return true;
        }
    }
}
