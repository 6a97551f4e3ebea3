namespace Ego.Governor.Metrics.Internal;

/// <summary>Bucket counts and sum of one label set, updated without locks.</summary>
internal sealed class HistogramCell(double[] bounds)
{
    private readonly long[] counts = new long[bounds.Length + 1];
    private double sum;

    public void Record(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        // Buckets are "less than or equal": a value on a bound belongs to that bound's bucket.
        var index = Array.BinarySearch(bounds, value);
        Interlocked.Increment(ref counts[index >= 0 ? index : ~index]);

        var current = Volatile.Read(ref sum);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref sum, current + value, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }

    public HistogramPoint Snapshot()
    {
        var copy = new long[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            copy[i] = Interlocked.Read(ref counts[i]);
        }

        return new HistogramPoint(bounds, copy, Volatile.Read(ref sum));
    }
}
