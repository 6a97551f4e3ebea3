using Microsoft.Extensions.Logging;

namespace Ego.Hosting;

/// <summary>Log events of the application host (ids 1-99).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "app {app} started on {addresses}")]
    public static partial void Started(ILogger logger, string app, string addresses);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "app {app} stopped")]
    public static partial void Stopped(ILogger logger, string app);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "config file {path} not found, running on defaults")]
    public static partial void DefaultConfigMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "config key {key} is not read by any option and is ignored")]
    public static partial void UnknownConfigKey(ILogger logger, string key);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "stopping after a failed start failed too")]
    public static partial void StopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "app {app} stopping: readiness off, serving for {drainDelay} more while load balancers notice")]
    public static partial void Draining(ILogger logger, string app, TimeSpan drainDelay);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "app {app} refusing new calls; in-flight calls get up to {stopTimeout} to finish")]
    public static partial void RefusingNewCalls(ILogger logger, string app, TimeSpan stopTimeout);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "stop timeout reached with {count} HTTP requests still in flight; they are cut")]
    public static partial void HttpRequestsCut(ILogger logger, int count);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "app {app} servers stopped; stage {stage}")]
    public static partial void StopStageStarting(ILogger logger, string app, StopStage stage);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "job {job} starting")]
    public static partial void JobStarting(ILogger logger, string job);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "job {job} finished with exit code {code}")]
    public static partial void JobFinished(ILogger logger, string job, int code);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "job {job} failed")]
    public static partial void JobFailed(ILogger logger, string job, Exception exception);
}
