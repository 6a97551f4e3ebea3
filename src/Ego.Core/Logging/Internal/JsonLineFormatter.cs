using Microsoft.Extensions.Logging;

namespace Ego.Logging.Internal;

/// <summary>
/// One JSON object per line with zap's keys as EGO configures them: <c>lv</c>, <c>ts</c>, <c>logger</c>, <c>msg</c>,
/// then the call's fields, scope fields, <c>tid</c> and the error.
/// </summary>
internal sealed class JsonLineFormatter(TimeType timeType, string? logName) : LineFormatter
{
    public override bool UsesLocalTime => timeType == TimeType.DateTime;

    public override void Format<TState>(
        FormatScratch s,
        string category,
        string? caller,
        LogLevel level,
        DateTimeOffset now,
        ref TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter,
        IExternalScopeProvider? scopes)
    {
        var json = s.Json;
        json.WriteStartObject();
        json.WriteString("lv", EgoLevel.JsonName(level));
        WriteTime(json, now);
        json.WriteString("logger", category);
        if (caller is not null)
        {
            json.WriteString("caller", caller);
        }

        json.WriteString("msg", Message(ref state, exception, formatter));
        if (logName is not null)
        {
            // EGO adds the file name when several loggers share one stream, so collectors can split them.
            json.WriteString("lname", logName);
        }

        FieldsWriter.WriteState(s, ref state);
        FieldsWriter.WriteScopes(s, scopes);
        FieldsWriter.WriteTid(s);
        FieldsWriter.WriteError(s, exception, verbose: true);
        json.WriteEndObject();
        json.Flush();
        s.Buffer.WriteByte((byte)'\n');
    }

    private void WriteTime(System.Text.Json.Utf8JsonWriter json, DateTimeOffset now)
    {
        switch (timeType)
        {
            case TimeType.Millisecond:
                json.WriteNumber("ts", now.ToUnixTimeMilliseconds());
                break;
            case TimeType.FractionalSecond:
                json.WriteNumber("ts", (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerSecond);
                break;
            case TimeType.DateTime:
                Span<char> text = stackalloc char[19];
                now.TryFormat(text, out var n, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
                json.WriteString("ts", text[..n]);
                break;
            default:
                json.WriteNumber("ts", now.ToUnixTimeSeconds());
                break;
        }
    }
}
