namespace Ego.Resilience.CircuitBreaking.Internal;

/// <summary>
/// Counts of accepted and total outcomes over the last window, in buckets that are reused round-robin. Adding is
/// an <see cref="Interlocked"/> increment; a bucket is cleared under its lock only when its slot starts a new period.
/// </summary>
internal sealed class RollingWindow
{
    private readonly Bucket[] buckets;
    private readonly long bucketTicks;
    private readonly TimeProvider time;

    public RollingWindow(TimeSpan window, int bucketCount, TimeProvider time)
    {
        this.time = time;
        buckets = new Bucket[bucketCount];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = new Bucket();
        }

        var windowTicks = (double)window.Ticks * time.TimestampFrequency / TimeSpan.TicksPerSecond;
        bucketTicks = Math.Max(1, (long)(windowTicks / bucketCount));
    }

    public void Add(bool accepted)
    {
        var period = time.GetTimestamp() / bucketTicks;
        var bucket = buckets[period % buckets.Length];
        if (Volatile.Read(ref bucket.Period) != period)
        {
            bucket.Restart(period);
        }

        Interlocked.Increment(ref bucket.Total);
        if (accepted)
        {
            Interlocked.Increment(ref bucket.Accepted);
        }
    }

    /// <summary>Accepted and total outcomes of the buckets still inside the window.</summary>
    public (long Accepted, long Total) Sum()
    {
        var now = time.GetTimestamp() / bucketTicks;
        long accepted = 0, total = 0;
        foreach (var bucket in buckets)
        {
            var period = Volatile.Read(ref bucket.Period);
            if (period <= now && now - period < buckets.Length)
            {
                accepted += Volatile.Read(ref bucket.Accepted);
                total += Volatile.Read(ref bucket.Total);
            }
        }

        return (accepted, total);
    }

    private sealed class Bucket
    {
        public long Period = -1;
        public long Accepted;
        public long Total;

        public void Restart(long period)
        {
            lock (this)
            {
                if (Period == period)
                {
                    return;
                }

                // Counts are cleared before the period is published, so readers never add a stale bucket to the window.
                Volatile.Write(ref Period, -1);
                Interlocked.Exchange(ref Accepted, 0);
                Interlocked.Exchange(ref Total, 0);
                Volatile.Write(ref Period, period);
            }
        }
    }
}
