using System.Globalization;
using System.Text.Json;

namespace Ego.Logging.Internal;

/// <summary>Writes one field with the JSON type a log pipeline expects: numbers, booleans, TimeSpan as milliseconds, the rest as text.</summary>
internal static class FieldValueWriter
{
    public static void Write(Utf8JsonWriter w, string key, object? value)
    {
        switch (value)
        {
            case null: w.WriteNull(key); break;
            case string s: w.WriteString(key, s); break;
            case bool b: w.WriteBoolean(key, b); break;
            case int i: w.WriteNumber(key, i); break;
            case long l: w.WriteNumber(key, l); break;
            case short sh: w.WriteNumber(key, sh); break;
            case byte by: w.WriteNumber(key, by); break;
            case sbyte sb: w.WriteNumber(key, sb); break;
            case ushort us: w.WriteNumber(key, us); break;
            case uint ui: w.WriteNumber(key, ui); break;
            case ulong ul: w.WriteNumber(key, ul); break;
            case decimal m: w.WriteNumber(key, m); break;
            case double d: WriteDouble(w, key, d); break;
            case float f: WriteDouble(w, key, f); break;
            case TimeSpan t: WriteDouble(w, key, t.TotalMilliseconds); break;
            case DateTimeOffset dto: w.WriteString(key, dto); break;
            case DateTime dt: w.WriteString(key, dt); break;
            case Enum e: w.WriteString(key, e.ToString()); break;
            case IFormattable f: w.WriteString(key, f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: w.WriteString(key, value.ToString()); break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter w, string key, double d)
    {
        // JSON has no NaN or infinity; text keeps the line valid.
        if (double.IsFinite(d))
        {
            w.WriteNumber(key, d);
        }
        else
        {
            w.WriteString(key, d.ToString(CultureInfo.InvariantCulture));
        }
    }
}
