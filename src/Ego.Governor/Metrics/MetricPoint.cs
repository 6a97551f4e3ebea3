namespace Ego.Governor.Metrics;

/// <summary>The value of one label set of an instrument.</summary>
/// <param name="Labels">Tag names and formatted values, as recorded (names are sanitized when written).</param>
/// <param name="Value">The sum or gauge value; unused for histograms.</param>
/// <param name="Histogram">The distribution when the instrument is a histogram.</param>
public sealed record MetricPoint(
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    double Value,
    HistogramPoint? Histogram = null);
