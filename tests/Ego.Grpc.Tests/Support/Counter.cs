namespace Ego.Grpc.Tests.Support;

/// <summary>Counts calls across service instances.</summary>
internal sealed class Counter
{
    private int _value;

    public int Next() => Interlocked.Increment(ref _value);
}
