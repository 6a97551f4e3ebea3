using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ego.Resilience.Client;

namespace Ego.Resilience.Tests.Client.Support;

/// <summary>Records the measurements of the <c>Ego.Resilience</c> meter for one client name while alive.</summary>
internal sealed class ResilienceMetricsListener : IDisposable
{
    private readonly MeterListener listener = new();

    public ResilienceMetricsListener(string client)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ClientResilienceMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var labels = new Dictionary<string, string>();
            foreach (var tag in tags)
            {
                labels[tag.Key] = tag.Value?.ToString() ?? "";
            }

            if (labels.GetValueOrDefault("name") == client)
            {
                Measurements.Enqueue((instrument.Name, labels));
            }
        });
        listener.Start();
    }

    public ConcurrentQueue<(string Name, Dictionary<string, string> Labels)> Measurements { get; } = new();

    public List<Dictionary<string, string>> Of(string name) => [.. Measurements.Where(m => m.Name == name).Select(m => m.Labels)];

    public void Dispose() => listener.Dispose();
}
