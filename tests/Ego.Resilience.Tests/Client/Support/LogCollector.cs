using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ego.Resilience.Tests.Client.Support;

/// <summary>Keeps the structured fields of every log entry, to check the <c>event</c> of governance logs.</summary>
internal sealed class LogCollector : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, Dictionary<string, string> Fields)> Entries { get; } = new();

    public ILoggerFactory Factory => new LoggerFactory([this]);

    /// <summary>Entries whose <c>event</c> field is <paramref name="name"/>.</summary>
    public List<Dictionary<string, string>> Events(string name) => [.. Entries.Where(e => e.Fields.GetValueOrDefault("event") == name).Select(e => e.Fields)];

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = new Dictionary<string, string>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                fields[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }
        }

        Entries.Enqueue((logLevel, fields));
    }

    public void Dispose()
    {
    }
}
