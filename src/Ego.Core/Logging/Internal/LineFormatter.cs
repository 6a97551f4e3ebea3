using Microsoft.Extensions.Logging;

namespace Ego.Logging.Internal;

/// <summary>Encodes one log call as one line of UTF-8 into a <see cref="FormatScratch"/> buffer.</summary>
internal abstract class LineFormatter
{
    /// <summary>True when the line shows local time; otherwise the sink skips the time zone conversion.</summary>
    public abstract bool UsesLocalTime { get; }

    public abstract void Format<TState>(
        FormatScratch s,
        string category,
        string? caller,
        LogLevel level,
        DateTimeOffset now,
        ref TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter,
        IExternalScopeProvider? scopes);

    protected static string Message<TState>(ref TState state, Exception? exception, Func<TState, Exception?, string>? formatter) =>
        formatter is not null ? formatter(state, exception) : state?.ToString() ?? "";
}
