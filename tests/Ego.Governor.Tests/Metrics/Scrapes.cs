using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using Ego.Governor.Metrics;

namespace Ego.Governor.Tests.Metrics;

/// <summary>Helpers that give each test its own meter and read the exposition text a scraper would get.</summary>
internal static class Scrapes
{
    public static Meter NewMeter() => new("Test.Metrics." + Guid.NewGuid().ToString("N"));

    public static MetricsOptions OnlyMeter(Meter meter, int maxLabelSets = 2000) =>
        new() { MeterPrefixes = [], Meters = [meter.Name], MaxLabelSetsPerInstrument = maxLabelSets };

    public static string Text(PrometheusMetricsCollector collector)
    {
        var buffer = new ArrayBufferWriter<byte>();
        collector.WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Text(IEnumerable<MetricSnapshot> metrics, Action<MetricSnapshot, MetricSnapshot>? onConflict = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        PrometheusTextSerializer.Write(buffer, metrics, onConflict);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The value of the sample whose name and labels are exactly <paramref name="series"/>.</summary>
    public static double Value(string text, string series)
    {
        var line = Samples(text).SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no sample {series} in:\n{text}");
        return double.Parse(line![(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The sample lines (no comments) of the text.</summary>
    public static string[] Samples(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();
}
