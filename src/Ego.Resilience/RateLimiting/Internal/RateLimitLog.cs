using Microsoft.Extensions.Logging;

namespace Ego.Resilience.RateLimiting.Internal;

internal static partial class RateLimitLog
{
    [LoggerMessage(1101, LogLevel.Error, "rate limit rules rejected, the previous rules stay: {Reason}")]
    public static partial void ReloadRejected(ILogger logger, string reason);

    [LoggerMessage(1102, LogLevel.Information, "rate limit rules reloaded from {Path}: {Count} rules")]
    public static partial void Reloaded(ILogger logger, string path, int count);
}
