using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ego.Logging.Internal;

/// <summary>
/// Per-thread reusable buffer and JSON writer for encoding one line; a nested log call made while
/// encoding (from a value's ToString) gets its own instance instead of corrupting this one.
/// </summary>
internal sealed class FormatScratch
{
    /// <summary>The lines' encoder; text encoded ahead (<see cref="JsonEncodedText"/>) must use it too.</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary><paramref name="text"/> encoded as the lines encode it, for names and values written again and again.</summary>
    public static JsonEncodedText Encode(string text) => JsonEncodedText.Encode(text, Encoder);

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Keep non-ASCII text readable in files, as zap does; control characters and quotes are still escaped.
        Encoder = Encoder,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static FormatScratch? _cached;

    private FormatScratch()
    {
        Json = new Utf8JsonWriter(Buffer, JsonOptions);
    }

    public PooledBufferWriter Buffer { get; } = new();

    public Utf8JsonWriter Json { get; }

    public bool SawTid { get; set; }

    public bool SawError { get; set; }

    public int LooseScopes { get; set; }

    public int FieldCount { get; set; }

    public static FormatScratch Rent()
    {
        var s = _cached ?? new FormatScratch();
        _cached = null;
        s.Buffer.Clear();
        s.Json.Reset(s.Buffer);
        s.SawTid = s.SawError = false;
        s.LooseScopes = s.FieldCount = 0;
        return s;
    }

    public static void Return(FormatScratch s) => _cached = s;
}
