using System.Text.Json;
using Ego.Observability;
using Ego.Observability.Internal;
using Microsoft.Extensions.Logging;

namespace Ego.Logging.Internal;

/// <summary>
/// One JSON object per line with zap's keys as EGO configures them: <c>lv</c>, <c>ts</c>, <c>logger</c>, <c>msg</c>,
/// then the call's fields, scope fields, <c>tid</c> and the error.
/// </summary>
internal sealed class JsonLineFormatter(TimeType timeType, string? logName) : LineFormatter
{
    // Names and values every line repeats, encoded once: a line then copies their bytes.
    private static readonly JsonEncodedText Lv = FormatScratch.Encode("lv");
    private static readonly JsonEncodedText Ts = FormatScratch.Encode("ts");
    private static readonly JsonEncodedText Logger = FormatScratch.Encode("logger");
    private static readonly JsonEncodedText Msg = FormatScratch.Encode("msg");
    private static readonly JsonEncodedText LName = FormatScratch.Encode("lname");
    private static readonly JsonEncodedText AccessMessage = FormatScratch.Encode(AccessLogger.Message);
    private static readonly JsonEncodedText[] Levels =
        [.. Enum.GetValues<LogLevel>().Select(level => FormatScratch.Encode(EgoLevel.JsonName(level)))];

    private readonly JsonEncodedText? encodedLogName = logName is null ? null : FormatScratch.Encode(logName);
    private readonly EncodedTextCache categories = new();

    public override bool UsesLocalTime => timeType == TimeType.DateTime;

    private static JsonEncodedText LevelValue(LogLevel level) => (uint)level < (uint)Levels.Length ? Levels[(int)level] : FormatScratch.Encode(EgoLevel.JsonName(level));

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
        json.WriteString(Lv, LevelValue(level));
        WriteTime(json, now);
        json.WriteString(Logger, categories.For(category));
        if (caller is not null)
        {
            json.WriteString("caller", caller);
        }

        if (typeof(TState) == typeof(AccessLogState))
        {
            json.WriteString(Msg, AccessMessage);
        }
        else
        {
            json.WriteString(Msg, Message(ref state, exception, formatter));
        }

        if (encodedLogName is { } name)
        {
            // EGO adds the file name when several loggers share one stream, so collectors can split them.
            json.WriteString(LName, name);
        }

        FieldsWriter.WriteState(s, ref state);
        FieldsWriter.WriteScopes(s, scopes);
        FieldsWriter.WriteTid(s);
        FieldsWriter.WriteError(s, exception, verbose: true);
        json.WriteEndObject();
        json.Flush();
        s.Buffer.WriteByte((byte)'\n');
    }

    private void WriteTime(Utf8JsonWriter json, DateTimeOffset now)
    {
        switch (timeType)
        {
            case TimeType.Millisecond:
                json.WriteNumber(Ts, now.ToUnixTimeMilliseconds());
                break;
            case TimeType.FractionalSecond:
                json.WriteNumber(Ts, (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerSecond);
                break;
            case TimeType.DateTime:
                Span<char> text = stackalloc char[19];
                now.TryFormat(text, out var n, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
                json.WriteString(Ts, text[..n]);
                break;
            default:
                json.WriteNumber(Ts, now.ToUnixTimeSeconds());
                break;
        }
    }
}
