using System.Globalization;

namespace Ego.Governor.Metrics.Internal;

/// <summary>
/// A label set as a dictionary key: tag names sorted ordinally with their original values (compared without
/// formatting, so a lookup from a measurement allocates nothing) and the values formatted once for exposition.
/// </summary>
internal sealed class TagKey
{
    private TagKey(string[] names, object?[] values, int hash)
    {
        Names = names;
        Values = values;
        Hash = hash;
        var labels = new KeyValuePair<string, string>[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            labels[i] = new(names[i], Format(values[i]));
        }

        Labels = labels;
    }

    public string[] Names { get; }

    public object?[] Values { get; }

    public int Hash { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

    public static TagKey Create(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var names = new string[tags.Length];
        var values = new object?[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            names[i] = tags[i].Key;
            values[i] = tags[i].Value;
        }

        Array.Sort(names, values, StringComparer.Ordinal);
        return new TagKey(names, values, HashOf(tags));
    }

    /// <summary>Order-independent, so tags given in any order find the same label set.</summary>
    public static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = 0;
        foreach (var tag in tags)
        {
            hash += HashCode.Combine(StringComparer.Ordinal.GetHashCode(tag.Key), tag.Value?.GetHashCode() ?? 0);
        }

        return hash;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
