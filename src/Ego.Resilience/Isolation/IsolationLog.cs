using Microsoft.Extensions.Logging;

namespace Ego.Resilience.Isolation;

internal static partial class IsolationLog
{
    [LoggerMessage(1301, LogLevel.Error, "background task {Name} failed; the process carries on")]
    public static partial void BackgroundFailed(ILogger logger, string name, Exception exception);
}
