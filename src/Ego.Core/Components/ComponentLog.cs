using Microsoft.Extensions.Logging;

namespace Ego.Components;

/// <summary>Log events of component configuration (ids 200-299).</summary>
internal static partial class ComponentLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "config change of {key} rejected, previous values stay in force: {error}")]
    public static partial void ReloadRejected(ILogger logger, string key, string error);
}
