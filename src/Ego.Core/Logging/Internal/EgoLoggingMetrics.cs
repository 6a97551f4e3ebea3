using System.Diagnostics.Metrics;

namespace Ego.Logging.Internal;

/// <summary>The logging meter: lines dropped because an async queue was full or already stopped.</summary>
internal static class EgoLoggingMetrics
{
    public const string MeterName = "Ego.Logging";
    public const string DroppedName = "ego_log_dropped_total";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Dropped =
        Meter.CreateCounter<long>(DroppedName, unit: "{line}", description: "Log lines dropped because the async queue was full.");
}
