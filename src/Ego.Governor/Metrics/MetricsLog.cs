using Microsoft.Extensions.Logging;

namespace Ego.Governor.Metrics;

/// <summary>Log events of the metrics collector (ids 1-99).</summary>
internal static partial class MetricsLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "instrument {instrument} of meter {meter} reached {limit} label sets: measurements of new label sets are dropped")]
    public static partial void LabelSetLimit(ILogger logger, string instrument, string meter, int limit);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "instrument {instrument} of meter {meter} ({type}) maps to Prometheus name {name} already used by {keptInstrument} of meter {keptMeter} ({keptType}); it is not exposed, rename one of them")]
    public static partial void NameConflict(ILogger logger, string instrument, string meter, MetricType type, string name, string keptInstrument, string keptMeter, MetricType keptType);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "an observable instrument callback failed during a scrape")]
    public static partial void ObserveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "instrument {instrument} of meter {meter} has no Prometheus mapping and is not exposed")]
    public static partial void Unsupported(ILogger logger, string instrument, string meter);
}
