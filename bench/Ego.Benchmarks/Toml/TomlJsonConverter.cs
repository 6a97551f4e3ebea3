using System.Text.Json;
using Ego.Configuration.Toml;

namespace Ego.Benchmarks.Toml;

/// <summary>Writes a parsed TOML document as the equivalent JSON, so both parsers read the same data.</summary>
internal static class TomlJsonConverter
{
    public static byte[] ToJson(TomlTable document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, TomlValue.FromTable(document));
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, TomlValue value)
    {
        switch (value.Kind)
        {
            case TomlValueKind.Table:
                writer.WriteStartObject();
                foreach (var (key, item) in value.GetTable())
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case TomlValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.GetArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case TomlValueKind.Integer:
                writer.WriteNumberValue(value.GetInteger());
                break;
            case TomlValueKind.Float:
                writer.WriteNumberValue(value.GetFloat());
                break;
            case TomlValueKind.Boolean:
                writer.WriteBooleanValue(value.GetBoolean());
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
