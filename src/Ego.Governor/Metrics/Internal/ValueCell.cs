namespace Ego.Governor.Metrics.Internal;

/// <summary>A sum or last value of one label set, updated without locks.</summary>
internal sealed class ValueCell
{
    private double value;
    private long generation;

    public double Value => Volatile.Read(ref value);

    public long Generation => Volatile.Read(ref generation);

    public void Add(double amount)
    {
        var current = Volatile.Read(ref value);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref value, current + amount, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }

    public void Set(double newValue, long round)
    {
        Volatile.Write(ref value, newValue);
        Volatile.Write(ref generation, round);
    }
}
