using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Ego.Governor.Metrics.Internal;

/// <summary>
/// The values of one instrument per label set. A measurement first looks among the label sets this instrument saw
/// last, comparing its tags in the order it gives them (a call site gives them in the same order with mostly the same
/// string instances); otherwise it finds its cell through an alternate lookup on the tag span, which hashes every
/// name and value. Recording allocates nothing; only a new label set creates a key and a cell.
/// </summary>
internal abstract class LabeledInstrumentState<TCell>(Instrument instrument, MetricType type, int maxLabelSets, Action<Instrument> onLimit)
    : InstrumentState(instrument, type)
    where TCell : class
{
    // A few label sets cover a server's busiest series (its methods with status OK); more would cost a miss longer.
    private const int RecentCount = 4;

    private readonly ConcurrentDictionary<TagKey, LabelSet>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> lookup =
        new ConcurrentDictionary<TagKey, LabelSet>(TagKeyComparer.Instance).GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
    private readonly LabelSet?[] recent = new LabelSet?[RecentCount];
    private int nextRecent;
    private int count;
    private int limitReported;

    protected IEnumerable<KeyValuePair<TagKey, TCell>> Cells => lookup.Dictionary.Select(static pair => KeyValuePair.Create(pair.Key, pair.Value.Cell));

    protected abstract TCell CreateCell();

    /// <summary>The cell of the label set, or null when the instrument already holds the maximum number of label sets.</summary>
    protected TCell? CellFor(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var candidate in recent)
        {
            if (candidate is not null && candidate.Matches(tags))
            {
                return candidate.Cell;
            }
        }

        if (!lookup.TryGetValue(tags, out var set))
        {
            set = Add(tags);
            if (set is null)
            {
                return null;
            }
        }

        // Slots are overwritten in turn; a reader sees either the old set or the new one, both complete.
        recent[(int)((uint)Interlocked.Increment(ref nextRecent) % RecentCount)] = set;
        return set.Cell;
    }

    private LabelSet? Add(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Interlocked.Increment(ref count) > maxLabelSets)
        {
            Interlocked.Decrement(ref count);
            if (Interlocked.Exchange(ref limitReported, 1) == 0)
            {
                onLimit(Instrument);
            }

            return null;
        }

        var created = new LabelSet(tags.ToArray(), CreateCell());
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

    /// <summary>A label set's cell, with its tags in the order of the measurement that created it.</summary>
    private sealed class LabelSet(KeyValuePair<string, object?>[] tags, TCell cell)
    {
        public TCell Cell => cell;

        public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> measured)
        {
            if (measured.Length != tags.Length)
            {
                return false;
            }

            for (var i = 0; i < tags.Length; i++)
            {
                var (name, value) = tags[i];
                if (!string.Equals(measured[i].Key, name, StringComparison.Ordinal) || !Equals(measured[i].Value, value))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
