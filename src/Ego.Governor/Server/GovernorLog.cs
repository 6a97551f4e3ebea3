using Microsoft.Extensions.Logging;

namespace Ego.Governor.Server;

/// <summary>Log events of the governor server (ids 100-119).</summary>
internal static partial class GovernorLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "governor {name} listening on {addresses}")]
    public static partial void Started(ILogger logger, string name, string addresses);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "governor {name} stopped")]
    public static partial void Stopped(ILogger logger, string name);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "job {job} run over HTTP (run id {runId})")]
    public static partial void JobRequested(ILogger logger, string job, string runId);
}
