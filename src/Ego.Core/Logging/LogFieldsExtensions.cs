using Microsoft.Extensions.Logging;

namespace Ego.Logging;

/// <summary>Logging a message with named fields and no template.</summary>
public static class LogFieldsExtensions
{
    /// <summary>
    /// Logs <paramref name="message"/> with <paramref name="fields"/> as top-level fields.
    /// Nothing is copied or formatted when the level is disabled.
    /// </summary>
    public static void LogFields(this ILogger logger, LogLevel level, string message, params ReadOnlySpan<KeyValuePair<string, object?>> fields) =>
        LogFields(logger, level, null, message, fields);

    /// <summary>Logs with an exception, written as <c>error</c> and <c>errorVerbose</c>.</summary>
    public static void LogFields(this ILogger logger, LogLevel level, Exception? exception, string message, params ReadOnlySpan<KeyValuePair<string, object?>> fields)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (!logger.IsEnabled(level))
        {
            return;
        }

        // Other providers may keep the state after the call, so it owns a copy of the caller's fields.
        logger.Log(level, default, new LogFields(message, fields.ToArray()), exception, Logging.LogFields.Format);
    }
}
