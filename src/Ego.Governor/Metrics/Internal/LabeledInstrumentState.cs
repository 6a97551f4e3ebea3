using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Ego.Governor.Metrics.Internal;

/// <summary>
/// The values of one instrument per label set. Measurements of a known label set find their cell through an
/// alternate lookup on the tag span, so recording allocates nothing; only a new label set creates a key and a cell.
/// </summary>
internal abstract class LabeledInstrumentState<TCell>(Instrument instrument, MetricType type, int maxLabelSets, Action<Instrument> onLimit)
    : InstrumentState(instrument, type)
    where TCell : class
{
    private readonly ConcurrentDictionary<TagKey, TCell>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> lookup =
        new ConcurrentDictionary<TagKey, TCell>(TagKeyComparer.Instance).GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
    private int count;
    private int limitReported;

    protected IEnumerable<KeyValuePair<TagKey, TCell>> Cells => lookup.Dictionary;

    protected abstract TCell CreateCell();

    /// <summary>The cell of the label set, or null when the instrument already holds the maximum number of label sets.</summary>
    protected TCell? CellFor(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (lookup.TryGetValue(tags, out var cell))
        {
            return cell;
        }

        if (Interlocked.Increment(ref count) > maxLabelSets)
        {
            Interlocked.Decrement(ref count);
            if (Interlocked.Exchange(ref limitReported, 1) == 0)
            {
                onLimit(Instrument);
            }

            return null;
        }

        var created = CreateCell();
        var stored = lookup.Dictionary.GetOrAdd(TagKey.Create(tags), created);
        if (!ReferenceEquals(stored, created))
        {
            Interlocked.Decrement(ref count);
        }

        return stored;
    }

    protected static List<MetricPoint> Sorted(List<MetricPoint> points)
    {
        points.Sort(static (a, b) => CompareLabels(a.Labels, b.Labels));
        return points;
    }

    private static int CompareLabels(IReadOnlyList<KeyValuePair<string, string>> a, IReadOnlyList<KeyValuePair<string, string>> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var byName = string.CompareOrdinal(a[i].Key, b[i].Key);
            if (byName != 0)
            {
                return byName;
            }

            var byValue = string.CompareOrdinal(a[i].Value, b[i].Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return a.Count.CompareTo(b.Count);
    }
}
