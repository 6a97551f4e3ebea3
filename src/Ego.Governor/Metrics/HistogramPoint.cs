namespace Ego.Governor.Metrics;

/// <summary>A histogram distribution with explicit upper bounds.</summary>
/// <param name="Bounds">Upper bounds of the buckets, ascending, without +Inf.</param>
/// <param name="BucketCounts">Measurements per bucket (not cumulative), one more than <paramref name="Bounds"/>: the last is the +Inf bucket.</param>
/// <param name="Sum">Sum of all measurements.</param>
public sealed record HistogramPoint(IReadOnlyList<double> Bounds, IReadOnlyList<long> BucketCounts, double Sum)
{
    /// <summary>Number of measurements: the sum of the bucket counts, so it always equals the +Inf bucket.</summary>
    public long Count
    {
        get
        {
            long count = 0;
            foreach (var bucket in BucketCounts)
            {
                count += bucket;
            }

            return count;
        }
    }
}
