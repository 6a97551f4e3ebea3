using System.Collections.Concurrent;
using System.Text.Json;

namespace Ego.Logging.Internal;

/// <summary>
/// Encoded forms of the values a formatter sees again and again (logger categories), up to a bound: a program has a
/// few hundred categories at most, and past the bound a value is encoded on each use rather than kept.
/// </summary>
internal sealed class EncodedTextCache
{
    private const int MaxEntries = 1024;
    private readonly ConcurrentDictionary<string, JsonEncodedText> entries = new(StringComparer.Ordinal);

    public JsonEncodedText For(string value)
    {
        if (entries.TryGetValue(value, out var encoded))
        {
            return encoded;
        }

        encoded = FormatScratch.Encode(value);
        if (entries.Count < MaxEntries)
        {
            entries.TryAdd(value, encoded);
        }

        return encoded;
    }
}
