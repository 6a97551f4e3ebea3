using Microsoft.Extensions.Logging;

namespace Ego.Governor.Tracing.Internal;

internal static partial class TracingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "trace export started for {ServiceName}: {Exporter}")]
    public static partial void ExportStarted(ILogger logger, string serviceName, string exporter);
}
