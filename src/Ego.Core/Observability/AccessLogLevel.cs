using Microsoft.Extensions.Logging;

namespace Ego.Observability;

/// <summary>EGO's level rule for access lines.</summary>
public static class AccessLogLevel
{
    /// <summary>
    /// Error when the HTTP-equivalent code is 500 or more, warning for other errors and for slow calls,
    /// information otherwise.
    /// </summary>
    public static LogLevel For(int uniformCode, bool failed, bool slow)
    {
        if (uniformCode >= 500)
        {
            return LogLevel.Error;
        }

        return failed || slow ? LogLevel.Warning : LogLevel.Information;
    }
}
