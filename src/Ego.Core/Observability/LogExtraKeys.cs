namespace Ego.Observability;

/// <summary>Reads <c>EGO_LOG_EXTRA_KEYS</c>: a comma-separated list of metadata or header names.</summary>
public static class LogExtraKeys
{
    /// <summary>
    /// The keys of <paramref name="text"/>, trimmed, lower case (as gRPC metadata and HTTP/2 header names are),
    /// without empties or repeats, in the order given.
    /// </summary>
    /// <exception cref="ArgumentException">A key has characters other than a-z, 0-9, '-', '_' and '.'.</exception>
    public static string[] Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return Normalize(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The given keys checked, lower-cased and without repeats.</summary>
    /// <exception cref="ArgumentException">A key is empty or has characters other than a-z, 0-9, '-', '_' and '.'.</exception>
    public static string[] Normalize(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new List<string>(keys.Count);
        foreach (var raw in keys)
        {
            var key = raw.Trim().ToLowerInvariant();
            if (key.Length == 0 || !IsValid(key))
            {
                throw new ArgumentException($"EGO_LOG_EXTRA_KEYS: '{raw}' is not a metadata key: expected letters, digits, '-', '_' or '.', e.g. x-ego-uid", nameof(keys));
            }

            if (!result.Contains(key))
            {
                result.Add(key);
            }
        }

        return [.. result];
    }

    private static bool IsValid(string key)
    {
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
