namespace Ego.Governor.Metrics.Internal;

/// <summary>Bucket bounds used when an instrument advises none.</summary>
internal static class HistogramBuckets
{
    /// <summary>The Prometheus client defaults, suited to latencies in seconds.</summary>
    public static readonly double[] Seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>The OpenTelemetry SDK defaults, suited to milliseconds and counts.</summary>
    public static readonly double[] Default = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];
}
