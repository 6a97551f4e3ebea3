using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ego.Configuration;

/// <summary>Writes and reads <see cref="TimeSpan"/> as duration strings ("250ms", "1m30s"), as config files write them.</summary>
public sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Duration.Parse(reader.GetString() ?? throw new JsonException("expected a duration string, e.g. \"250ms\""));

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
        => writer.WriteStringValue(Duration.Format(value));
}
