namespace Ego.Governor.Metrics.Internal;

/// <summary>Compares label sets, and lets a dictionary be searched with the tag span of a measurement.</summary>
internal sealed class TagKeyComparer : IEqualityComparer<TagKey>, IAlternateEqualityComparer<ReadOnlySpan<KeyValuePair<string, object?>>, TagKey>
{
    public static readonly TagKeyComparer Instance = new();

    public bool Equals(TagKey? x, TagKey? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Hash != y.Hash || x.Names.Length != y.Names.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Names.Length; i++)
        {
            if (!string.Equals(x.Names[i], y.Names[i], StringComparison.Ordinal) || !object.Equals(x.Values[i], y.Values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(TagKey obj) => obj.Hash;

    public bool Equals(ReadOnlySpan<KeyValuePair<string, object?>> alternate, TagKey other)
    {
        if (alternate.Length != other.Names.Length)
        {
            return false;
        }

        foreach (var tag in alternate)
        {
            var index = Array.BinarySearch(other.Names, tag.Key, StringComparer.Ordinal);
            if (index < 0 || !object.Equals(other.Values[index], tag.Value))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => TagKey.HashOf(alternate);

    public TagKey Create(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => TagKey.Create(alternate);
}
