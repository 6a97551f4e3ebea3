namespace Ego.Resilience.LoadShedding.Internal;

/// <summary>
/// Sums and counts over a window of equal buckets on the injected clock; buckets that time left behind are cleared
/// on the next access. Reads skip the current, still-filling bucket (go-zero's IgnoreCurrentBucket).
/// </summary>
internal sealed class RollingWindow
{
    private readonly long[] sums;
    private readonly long[] counts;
    private readonly long bucketTicks;
    private readonly TimeProvider timeProvider;
    private readonly long origin;
    private readonly Lock gate = new();
    private long position;

    // The bucket being filled and the timestamps it covers: an Add inside them needs no lock (two atomic additions),
    // which is every Add but the first of each bucket. Replaced under the lock when time moves on.
    private volatile FillingBucket filling;

    public RollingWindow(int buckets, TimeSpan bucketDuration, TimeProvider timeProvider)
    {
        sums = new long[buckets];
        counts = new long[buckets];
        this.timeProvider = timeProvider;
        bucketTicks = Math.Max(1, (long)(bucketDuration.TotalSeconds * timeProvider.TimestampFrequency));
        origin = timeProvider.GetTimestamp();
        filling = new FillingBucket(origin, origin + bucketTicks, 0);
    }

    /// <summary>Adds <paramref name="value"/> at <paramref name="timestamp"/> (a reading of the window's clock the caller already has).</summary>
    public void Add(long value, long timestamp)
    {
        var bucket = filling;
        if (timestamp >= bucket.Start && timestamp < bucket.End)
        {
            Interlocked.Add(ref sums[bucket.Slot], value);
            Interlocked.Increment(ref counts[bucket.Slot]);
            return;
        }

        lock (gate)
        {
            var index = Advance(timestamp);
            Interlocked.Add(ref sums[index], value);
            Interlocked.Increment(ref counts[index]);
        }
    }

    /// <summary>The largest number of entries of a finished bucket in the window, at least <paramref name="floor"/>.</summary>
    public long MaxCount(long floor)
    {
        lock (gate)
        {
            Advance(timeProvider.GetTimestamp());
            var result = floor;
            for (var back = 1; back < counts.Length; back++)
            {
                result = Math.Max(result, counts[Slot(position - back)]);
            }

            return result;
        }
    }

    /// <summary>The smallest mean (sum / count, rounded) of a finished bucket with entries; <paramref name="none"/> when all are empty.</summary>
    public double MinMean(double none)
    {
        lock (gate)
        {
            Advance(timeProvider.GetTimestamp());
            var result = none;
            for (var back = 1; back < sums.Length; back++)
            {
                var slot = Slot(position - back);
                if (counts[slot] > 0)
                {
                    result = Math.Min(result, Math.Round((double)sums[slot] / counts[slot]));
                }
            }

            return result;
        }
    }

    private int Advance(long timestamp)
    {
        var now = (timestamp - origin) / bucketTicks;
        var span = Math.Min(now - position, sums.Length);
        for (var i = 1; i <= span; i++)
        {
            var slot = Slot(position + i);
            sums[slot] = 0;
            counts[slot] = 0;
        }

        if (now > position)
        {
            position = now;
            var start = origin + (position * bucketTicks);
            filling = new FillingBucket(start, start + bucketTicks, Slot(position));
        }

        return Slot(position);
    }

    private int Slot(long absolute) => (int)(((absolute % sums.Length) + sums.Length) % sums.Length);

    private sealed record FillingBucket(long Start, long End, int Slot);
}
