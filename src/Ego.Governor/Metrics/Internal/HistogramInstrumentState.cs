using System.Diagnostics.Metrics;

namespace Ego.Governor.Metrics.Internal;

/// <summary>A histogram with the same explicit bucket bounds for every label set.</summary>
internal sealed class HistogramInstrumentState(Instrument instrument, double[] bounds, int maxLabelSets, Action<Instrument> onLimit)
    : LabeledInstrumentState<HistogramCell>(instrument, MetricType.Histogram, maxLabelSets, onLimit)
{
    public IReadOnlyList<double> Bounds => bounds;

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) => CellFor(tags)?.Record(value);

    protected override HistogramCell CreateCell() => new(bounds);

    protected override List<MetricPoint> Points()
    {
        var points = new List<MetricPoint>();
        foreach (var (key, cell) in Cells)
        {
            points.Add(new MetricPoint(key.Labels, 0, cell.Snapshot()));
        }

        return Sorted(points);
    }
}
