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

    // The finished buckets do not change until time moves on, so their figures are computed once per bucket rather
    // than on every read: over the CPU threshold the shedder reads them for every arrival, dropped or not.
    private volatile FinishedBuckets? finished;

    public RollingWindow(int buckets, TimeSpan bucketDuration, TimeProvider timeProvider)
    {
        sums = new long[buckets];
        counts = new long[buckets];
        this.timeProvider = timeProvider;
        bucketTicks = Math.Max(1, (long)(bucketDuration.TotalSeconds * timeProvider.TimestampFrequency));
        origin = timeProvider.GetTimestamp();
        filling = new FillingBucket(0, origin, origin + bucketTicks, 0);
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

    /// <summary>
    /// From one clock reading, the figures of the finished buckets: the largest number of entries of one, at least
    /// <paramref name="floor"/>, and the smallest mean (sum / count, rounded) of one with entries, at most
    /// <paramref name="ceiling"/>, which is also the mean when all are empty (go-zero starts its minimum latency at its
    /// default).
    /// </summary>
    public (long MaxCount, double MinMean) Figures(long floor, double ceiling)
    {
        var figures = Finished();
        return (Math.Max(floor, figures.MaxCount), double.IsNaN(figures.MinMean) ? ceiling : Math.Min(ceiling, figures.MinMean));
    }

    private FinishedBuckets Finished()
    {
        var now = timeProvider.GetTimestamp();
        var bucket = filling;
        if (finished is { } cached && cached.Position == bucket.Position && now >= bucket.Start && now < bucket.End)
        {
            return cached;
        }

        lock (gate)
        {
            Advance(now);
            if (finished is { } fresh && fresh.Position == position)
            {
                return fresh;
            }

            long maxCount = 0;
            var minMean = double.NaN;
            for (var back = 1; back < counts.Length; back++)
            {
                var slot = Slot(position - back);
                var count = Interlocked.Read(ref counts[slot]);
                maxCount = Math.Max(maxCount, count);
                if (count > 0)
                {
                    var mean = Math.Round((double)Interlocked.Read(ref sums[slot]) / count);
                    minMean = double.IsNaN(minMean) ? mean : Math.Min(minMean, mean);
                }
            }

            var computed = new FinishedBuckets(position, maxCount, minMean);
            finished = computed;
            return computed;
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
            filling = new FillingBucket(position, start, start + bucketTicks, Slot(position));
        }

        return Slot(position);
    }

    private int Slot(long absolute) => (int)(((absolute % sums.Length) + sums.Length) % sums.Length);

    private sealed record FillingBucket(long Position, long Start, long End, int Slot);

    /// <summary>The figures of the finished buckets while <paramref name="Position"/> is the filling one.</summary>
    private sealed record FinishedBuckets(long Position, long MaxCount, double MinMean);
}
