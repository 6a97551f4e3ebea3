using System.Buffers;
using Ego.Governor.Metrics.Internal;

namespace Ego.Governor.Metrics;

/// <summary>Writes metric snapshots in the Prometheus text exposition format 0.0.4.</summary>
public static class PrometheusTextSerializer
{
    /// <summary>The Content-Type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>
    /// Writes one family per Prometheus name, sorted by name, each with <c># HELP</c> and <c># TYPE</c> once.
    /// When two instruments map to the same name with different types, the second is left out and passed to
    /// <paramref name="onConflict"/> with the instrument that was kept.
    /// </summary>
    public static void Write(IBufferWriter<byte> output, IEnumerable<MetricSnapshot> metrics, Action<MetricSnapshot, MetricSnapshot>? onConflict = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(metrics);
        var writer = new PrometheusTextWriter(output);
        foreach (var family in MetricFamily.Group(metrics, onConflict))
        {
            WriteFamily(writer, family);
        }
    }

    /// <summary>Writes the snapshots to <paramref name="stream"/>; see <see cref="Write"/>.</summary>
    public static async Task WriteAsync(Stream stream, IEnumerable<MetricSnapshot> metrics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        Write(buffer, metrics);
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private static void WriteFamily(PrometheusTextWriter writer, MetricFamily family)
    {
        writer.Raw("# HELP ");
        writer.Raw(family.Name);
        writer.Raw(' ');
        writer.Help(family.Help);
        writer.Raw("\n# TYPE ");
        writer.Raw(family.Name);
        writer.Raw(family.Type switch
        {
            MetricType.Counter => " counter\n",
            MetricType.Gauge => " gauge\n",
            _ => " histogram\n",
        });

        // Merged instruments may repeat a label set; the first one wins so the family has no duplicate series.
        HashSet<string>? seen = family.Members.Count > 1 ? new(StringComparer.Ordinal) : null;
        foreach (var metric in family.Members)
        {
            foreach (var point in metric.Points)
            {
                if (seen is not null && !seen.Add(LabelKey(point.Labels)))
                {
                    continue;
                }

                if (family.Type == MetricType.Histogram && point.Histogram is { } histogram)
                {
                    WriteHistogram(writer, family.Name, point.Labels, histogram);
                }
                else if (family.Type != MetricType.Histogram)
                {
                    WriteSample(writer, family.Name, "", point.Labels, null, point.Value, reserveLe: false);
                }
            }
        }
    }

    private static void WriteHistogram(PrometheusTextWriter writer, string name, IReadOnlyList<KeyValuePair<string, string>> labels, HistogramPoint histogram)
    {
        long cumulative = 0;
        for (var i = 0; i < histogram.Bounds.Count; i++)
        {
            cumulative += histogram.BucketCounts[i];
            WriteSample(writer, name, "_bucket", labels, histogram.Bounds[i], cumulative, reserveLe: true);
        }

        cumulative += histogram.BucketCounts[^1];
        WriteSample(writer, name, "_bucket", labels, double.PositiveInfinity, cumulative, reserveLe: true);
        WriteSample(writer, name, "_sum", labels, null, histogram.Sum, reserveLe: true);
        WriteSample(writer, name, "_count", labels, null, cumulative, reserveLe: true);
    }

    private static void WriteSample(PrometheusTextWriter writer, string name, string suffix, IReadOnlyList<KeyValuePair<string, string>> labels, double? le, double value, bool reserveLe)
    {
        writer.Raw(name);
        writer.Raw(suffix);
        WriteLabels(writer, labels, le, reserveLe);
        writer.Raw(' ');
        writer.Number(value);
        writer.Raw('\n');
    }

    // In a histogram "le" belongs to the buckets, so a tag of that name is left out of every line of the family.
    private static void WriteLabels(PrometheusTextWriter writer, IReadOnlyList<KeyValuePair<string, string>> labels, double? le, bool reserveLe)
    {
        var open = false;
        for (var i = 0; i < labels.Count; i++)
        {
            var name = PrometheusNaming.SanitizeLabelName(labels[i].Key);
            if ((reserveLe && name == "le") || IsRepeated(labels, i, name))
            {
                continue;
            }

            writer.Raw(open ? ',' : '{');
            open = true;
            writer.Raw(name);
            writer.Raw("=\"");
            writer.LabelValue(labels[i].Value);
            writer.Raw('"');
        }

        if (le is { } bound)
        {
            writer.Raw(open ? ",le=\"" : "{le=\"");
            open = true;
            writer.Number(bound);
            writer.Raw('"');
        }

        if (open)
        {
            writer.Raw('}');
        }
    }

    // Two tags can sanitize to the same label name (a.b and a_b); a series may carry each name once.
    private static bool IsRepeated(IReadOnlyList<KeyValuePair<string, string>> labels, int index, string name)
    {
        for (var j = 0; j < index; j++)
        {
            if (PrometheusNaming.SanitizeLabelName(labels[j].Key) == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string LabelKey(IReadOnlyList<KeyValuePair<string, string>> labels) =>
        string.Join('\u0001', labels.Select(l => PrometheusNaming.SanitizeLabelName(l.Key) + "\u0002" + l.Value));
}
