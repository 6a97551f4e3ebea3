using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ego.Resilience.Tests.Support;

/// <summary>Keeps every log line (level, text, exception) of the loggers it makes.</summary>
internal sealed class ListLogger : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Text, Exception? Exception)> Lines { get; } = new();

    public ILoggerFactory Factory => new LoggerFactory([this]);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception), exception));

    public void Dispose()
    {
    }
}
