using System.Diagnostics.Metrics;

namespace Ego.Governor.Metrics.Internal;

/// <summary>What the collector keeps for one instrument, fed by the listener's measurement callbacks.</summary>
internal abstract class InstrumentState(Instrument instrument, MetricType type)
{
    private long generation;

    public Instrument Instrument { get; } = instrument;

    public MetricType Type { get; } = type;

    /// <summary>Collection round of an observable instrument: label sets not observed in the current round are stale and not exposed.</summary>
    public long Generation => Volatile.Read(ref generation);

    public void BeginRound() => Interlocked.Increment(ref generation);

    public abstract void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

    public MetricSnapshot Snapshot() =>
        new(Instrument.Meter.Name, Instrument.Name, Instrument.Unit, Instrument.Description, Type, Points());

    protected abstract List<MetricPoint> Points();
}
