using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ego.Observability;

namespace Ego.Tests.Shared;

/// <summary>Records the measurements of one meter (<c>Ego.Calls</c> unless told), with their labels, while alive.</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener listener = new();

    public MetricsRecorder(string meterName = EgoCallMetrics.MeterName)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i.Name, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i.Name, value, tags));
        listener.Start();
    }

    public ConcurrentQueue<(string Name, double Value, Dictionary<string, string> Labels)> Measurements { get; } = new();

    /// <summary>Measurements of <paramref name="name"/> whose <paramref name="label"/> is <paramref name="value"/>.</summary>
    public List<Dictionary<string, string>> Where(string name, string label, string value) =>
        [.. Measurements.Where(m => m.Name == name && m.Labels.GetValueOrDefault(label) == value).Select(m => m.Labels)];

    public void Dispose() => listener.Dispose();

    private void Add(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new Dictionary<string, string>();
        foreach (var tag in tags)
        {
            labels[tag.Key] = tag.Value?.ToString() ?? "";
        }

        Measurements.Enqueue((name, value, labels));
    }
}
