using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ego.Governor.Server.Internal;

/// <summary>Logs through to the application's logger and keeps every line, so a job run over HTTP can return its output.</summary>
internal sealed class CapturingLogger(ILogger inner) : ILogger
{
    private const int MaxLines = 1000;
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (inner.IsEnabled(logLevel))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }

        if (logLevel >= LogLevel.Information && lines.Count < MaxLines)
        {
            var line = $"{logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}";
            lines.Enqueue(exception is null ? line : $"{line} ({exception.GetType().Name}: {exception.Message})");
        }
    }
}
