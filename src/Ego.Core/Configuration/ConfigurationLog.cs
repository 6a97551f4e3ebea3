using Microsoft.Extensions.Logging;

namespace Ego.Configuration;

/// <summary>Log events of the configuration component (ids 100-199).</summary>
internal static partial class ConfigurationLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "config reloaded from {path}")]
    public static partial void Reloaded(ILogger logger, string path);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "config change rejected, previous config stays in force: {error} (file {path})")]
    public static partial void ReloadRejected(ILogger logger, string path, string error);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "config file {path} is missing, previous config stays in force")]
    public static partial void FileMissing(ILogger logger, string path);
}
