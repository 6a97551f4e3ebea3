using Microsoft.Extensions.Logging;

namespace Ego.Logging.Internal;

/// <summary>Messages the logging component writes about itself.</summary>
internal static partial class EgoLoggingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "update level of {name} to {level}")]
    public static partial void LevelUpdated(ILogger logger, string name, string level);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{problem}; the level stays {level}")]
    public static partial void LevelRejected(ILogger logger, string problem, string level);
}
