using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ego.Resilience.Server;

namespace Ego.Resilience.Tests.Support;

/// <summary>Records the measurements of the <c>Ego.Resilience</c> meter with their labels while alive.</summary>
internal sealed class ResilienceMetricsListener : IDisposable
{
    private readonly MeterListener listener = new();

    public ResilienceMetricsListener()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServerResilienceMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var labels = new Dictionary<string, string>();
            foreach (var tag in tags)
            {
                labels[tag.Key] = tag.Value?.ToString() ?? "";
            }

            Measurements.Enqueue((instrument.Name, labels));
        });
        listener.Start();
    }

    public ConcurrentQueue<(string Name, Dictionary<string, string> Labels)> Measurements { get; } = new();

    /// <summary>Measurements of <paramref name="name"/> whose <paramref name="label"/> is <paramref name="value"/>.</summary>
    public List<Dictionary<string, string>> Where(string name, string label, string value) =>
        [.. Measurements.Where(m => m.Name == name && m.Labels.GetValueOrDefault(label) == value).Select(m => m.Labels)];

    public void Dispose() => listener.Dispose();
}
