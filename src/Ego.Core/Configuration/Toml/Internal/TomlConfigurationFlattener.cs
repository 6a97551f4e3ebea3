namespace Ego.Configuration.Toml.Internal;

/// <summary>
/// Turns a TOML document into configuration key/value pairs the way the JSON provider does: tables and array
/// indices joined with ':', an empty table as a null value and an empty array as an empty string.
/// </summary>
internal static class TomlConfigurationFlattener
{
    private const int LinearCaseCheckLimit = 8;

    public static Dictionary<string, string?> Flatten(TomlTable root, string? sourceName)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        VisitTable(root, null, data, sourceName);
        return data;
    }

    private static void VisitTable(TomlTable table, string? prefix, Dictionary<string, string?> data, string? sourceName)
    {
        if (table.Count == 0)
        {
            if (prefix is not null)
            {
                data[prefix] = null;
            }

            return;
        }

        CheckCaseCollisions(table, prefix, sourceName);
        for (var i = 0; i < table.Count; i++)
        {
            ref readonly var entry = ref table.EntryAt(i);
            VisitValue(entry.Value, prefix is null ? entry.Key : string.Concat(prefix, ":", entry.Key), data, sourceName);
        }
    }

    private static void VisitValue(TomlValue value, string path, Dictionary<string, string?> data, string? sourceName)
    {
        switch (value.Kind)
        {
            case TomlValueKind.Table:
                VisitTable(value.GetTable(), path, data, sourceName);
                break;
            case TomlValueKind.Array:
                var items = value.GetArray().AsSpan();
                if (items.IsEmpty)
                {
                    data[path] = string.Empty;
                }

                for (var i = 0; i < items.Length; i++)
                {
                    VisitValue(items[i], string.Concat(path, ":", IndexKey(i)), data, sourceName);
                }

                break;
            default:
                data[path] = value.ToString();
                break;
        }
    }

    private static string IndexKey(int i) => i < 10 ? ((char)('0' + i)).ToString() : i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Configuration keys are case-insensitive, so sibling keys that differ only by case would silently merge.
    /// Any colliding pair of flattened keys first differs at two such siblings, so checking siblings suffices.
    /// </summary>
    private static void CheckCaseCollisions(TomlTable table, string? prefix, string? sourceName)
    {
        if (table.Count <= LinearCaseCheckLimit)
        {
            for (var i = 1; i < table.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(table.EntryAt(i).Key, table.EntryAt(j).Key, StringComparison.OrdinalIgnoreCase))
                    {
                        throw CaseCollision(table, j, i, prefix, sourceName);
                    }
                }
            }

            return;
        }

        var seen = new Dictionary<string, int>(table.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < table.Count; i++)
        {
            if (!seen.TryAdd(table.EntryAt(i).Key, i))
            {
                throw CaseCollision(table, seen[table.EntryAt(i).Key], i, prefix, sourceName);
            }
        }
    }

    private static TomlParseException CaseCollision(TomlTable table, int first, int second, string? prefix, string? sourceName)
    {
        ref readonly var a = ref table.EntryAt(first);
        ref readonly var b = ref table.EntryAt(second);
        var pathA = prefix is null ? a.Key : $"{prefix}:{a.Key}";
        var pathB = prefix is null ? b.Key : $"{prefix}:{b.Key}";
        return new TomlParseException(
            $"keys '{pathA}' (defined at {a.Line}:{a.Column}) and '{pathB}' differ only by case; configuration keys are case-insensitive, so use one spelling",
            b.Line, b.Column, sourceName);
    }
}
