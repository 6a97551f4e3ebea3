namespace Ego.Governor.Metrics;

/// <summary>The Prometheus metric type an instrument is exposed as.</summary>
public enum MetricType
{
    /// <summary>A monotonic sum (Counter, ObservableCounter), exposed with a <c>_total</c> suffix.</summary>
    Counter,

    /// <summary>A value that goes up and down (Gauge, ObservableGauge, UpDownCounter, ObservableUpDownCounter).</summary>
    Gauge,

    /// <summary>A distribution in explicit buckets (Histogram).</summary>
    Histogram,
}
