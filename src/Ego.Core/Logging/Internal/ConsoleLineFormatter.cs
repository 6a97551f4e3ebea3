using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Ego.Logging.Internal;

/// <summary>
/// A line for people: <c>2026-11-22 03:14:00 INFO category message {"field":value}</c>, the level coloured
/// when <paramref name="colour"/> is on, and an exception's full text on the following lines.
/// </summary>
internal sealed class ConsoleLineFormatter(bool colour) : LineFormatter
{
    private const string Reset = "\u001b[0m";

    public override bool UsesLocalTime => true;

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
        var buffer = s.Buffer;
        Span<char> time = stackalloc char[19];
        now.TryFormat(time, out var n, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        buffer.WriteUtf8(time[..n]);
        buffer.WriteByte((byte)' ');
        if (colour)
        {
            buffer.WriteUtf8(Colour(level));
        }

        buffer.WriteUtf8(EgoLevel.ConsoleName(level));
        if (colour)
        {
            buffer.WriteUtf8(Reset);
        }

        buffer.WriteByte((byte)' ');
        buffer.WriteUtf8(category);
        buffer.WriteByte((byte)' ');
        if (caller is not null)
        {
            buffer.WriteUtf8(caller);
            buffer.WriteByte((byte)' ');
        }

        buffer.WriteUtf8(Message(ref state, exception, formatter));

        var beforeFields = buffer.WrittenCount;
        buffer.WriteByte((byte)' ');
        s.Json.Reset(buffer);
        s.Json.WriteStartObject();
        FieldsWriter.WriteState(s, ref state);
        FieldsWriter.WriteScopes(s, scopes);
        FieldsWriter.WriteTid(s);
        s.Json.WriteEndObject();
        s.Json.Flush();
        if (s.FieldCount == 0)
        {
            buffer.Truncate(beforeFields);
        }

        if (exception is not null)
        {
            buffer.WriteByte((byte)'\n');
            buffer.WriteUtf8(exception.ToString());
        }

        buffer.WriteByte((byte)'\n');
    }

    private static string Colour(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "\u001b[34m",
        LogLevel.Information => "\u001b[32m",
        LogLevel.Warning => "\u001b[33m",
        _ => "\u001b[31m",
    };
}
