using System.Diagnostics.Metrics;
using System.Numerics;

namespace Ego.Governor.Metrics.Internal;

/// <summary>Chooses how an instrument is aggregated and exposed from its kind.</summary>
internal static class InstrumentStates
{
    /// <summary>The state for <paramref name="instrument"/>, or null for an instrument kind that has no Prometheus mapping.</summary>
    public static InstrumentState? Create(Instrument instrument, int maxLabelSets, Action<Instrument> onLimit)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var kind = type.GetGenericTypeDefinition();
        if (kind == typeof(Histogram<>))
        {
            return new HistogramInstrumentState(instrument, BoundsOf(instrument), maxLabelSets, onLimit);
        }

        (MetricType Type, bool Adds)? mapping =
            kind == typeof(Counter<>) ? (MetricType.Counter, true)
            : kind == typeof(UpDownCounter<>) ? (MetricType.Gauge, true)
            : kind == typeof(Gauge<>) ? (MetricType.Gauge, false)
            : kind == typeof(ObservableCounter<>) ? (MetricType.Counter, false)
            : kind == typeof(ObservableUpDownCounter<>) ? (MetricType.Gauge, false)
            : kind == typeof(ObservableGauge<>) ? (MetricType.Gauge, false)
            : null;
        return mapping is { } m ? new ValueInstrumentState(instrument, m.Type, m.Adds, maxLabelSets, onLimit) : null;
    }

    /// <summary>The bounds advised by the instrument, else Prometheus' defaults for seconds and OpenTelemetry's for other units.</summary>
    public static double[] BoundsOf(Instrument instrument)
    {
        var advised = instrument switch
        {
            Instrument<double> i => Convert(i.Advice?.HistogramBucketBoundaries),
            Instrument<float> i => Convert(i.Advice?.HistogramBucketBoundaries),
            Instrument<long> i => Convert(i.Advice?.HistogramBucketBoundaries),
            Instrument<int> i => Convert(i.Advice?.HistogramBucketBoundaries),
            Instrument<short> i => Convert(i.Advice?.HistogramBucketBoundaries),
            Instrument<byte> i => Convert(i.Advice?.HistogramBucketBoundaries),
            Instrument<decimal> i => Convert(i.Advice?.HistogramBucketBoundaries),
            _ => null,
        };
        if (advised is not null)
        {
            return advised;
        }

        return instrument.Unit == "s" ? HistogramBuckets.Seconds : HistogramBuckets.Default;
    }

    private static double[]? Convert<T>(IReadOnlyList<T>? bounds)
        where T : INumberBase<T>
    {
        if (bounds is null)
        {
            return null;
        }

        // +Inf is always the last bucket; an advised +Inf or NaN would only duplicate or break it.
        return bounds.Select(double.CreateTruncating)
            .Where(b => double.IsFinite(b))
            .Distinct()
            .Order()
            .ToArray();
    }
}
