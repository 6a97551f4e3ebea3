using System.Diagnostics.Metrics;

namespace Ego.Governor.Metrics.Internal;

/// <summary>
/// A counter or gauge. Synchronous counters add their measurements; gauges and observable instruments report
/// the current value (observable counters observe the running total), so the last measurement wins.
/// </summary>
internal sealed class ValueInstrumentState(Instrument instrument, MetricType type, bool adds, int maxLabelSets, Action<Instrument> onLimit)
    : LabeledInstrumentState<ValueCell>(instrument, type, maxLabelSets, onLimit)
{
    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var cell = CellFor(tags);
        if (cell is null)
        {
            return;
        }

        if (adds)
        {
            cell.Add(value);
        }
        else
        {
            cell.Set(value, Generation);
        }
    }

    protected override ValueCell CreateCell() => new();

    protected override List<MetricPoint> Points()
    {
        var round = Generation;
        var points = new List<MetricPoint>();
        foreach (var (key, cell) in Cells)
        {
            if (!Instrument.IsObservable || cell.Generation == round)
            {
                points.Add(new MetricPoint(key.Labels, cell.Value));
            }
        }

        return Sorted(points);
    }
}
