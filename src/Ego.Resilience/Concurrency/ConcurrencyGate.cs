namespace Ego.Resilience.Concurrency;

/// <summary>A cap on the calls a server handles at once (<c>maxConcurrentCalls</c>): a counter, no queue.</summary>
public sealed class ConcurrencyGate
{
    private int inFlight;

    public ConcurrencyGate(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        Max = max;
    }

    public int Max { get; }

    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Takes a slot; false when all <see cref="Max"/> are taken. A taken slot must be given back with <see cref="Exit"/>.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref inFlight) <= Max)
        {
            return true;
        }

        Interlocked.Decrement(ref inFlight);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref inFlight);
}
