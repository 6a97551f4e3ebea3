using Microsoft.Extensions.Logging;

namespace Ego.Resilience.Server.Internal;

internal static partial class ServerResilienceLog
{
    [LoggerMessage(1201, LogLevel.Warning, "{Server} {Method}: {Text}")]
    public static partial void TimeoutHit(ILogger logger, string server, string method, string text);
}
