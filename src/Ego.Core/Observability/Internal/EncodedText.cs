using System.Text.Json;
using Ego.Logging.Internal;

namespace Ego.Observability.Internal;

/// <summary>
/// The JSON-encoded form of a value that rarely changes (a component's name or address), kept so each access line
/// copies its bytes instead of checking and transcoding the string again. Encodes again when the value is replaced.
/// </summary>
internal sealed class EncodedText
{
    private Entry? last;

    public JsonEncodedText For(string value)
    {
        var entry = Volatile.Read(ref last);
        if (entry is null || !ReferenceEquals(entry.Source, value))
        {
            entry = new Entry(value, JsonEncodedText.Encode(value, FormatScratch.Encoder));
            Volatile.Write(ref last, entry);
        }

        return entry.Encoded;
    }

    private sealed record Entry(string Source, JsonEncodedText Encoded);
}
