using System.Runtime.CompilerServices;
using Ego.Observability.Internal;
using Microsoft.Extensions.Logging;

namespace Ego.Logging.Internal;

/// <summary>The <see cref="ILogger"/> for one category, bound to the framework or the business sink.</summary>
internal sealed class EgoLogger(string category, LogSink sink, Func<IExternalScopeProvider> scopes) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => scopes().Push(state);

    public bool IsEnabled(LogLevel logLevel) => sink.IsEnabled(logLevel);

    private static bool SkipsScopes<TState>(ref TState state) =>
        typeof(TState) == typeof(AccessLogState) && Unsafe.As<TState, AccessLogState>(ref state).SkipScopes;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (sink.IsEnabled(logLevel))
        {
            sink.Log(category, logLevel, ref state, exception, formatter, SkipsScopes(ref state) ? null : scopes());
        }
    }
}
