using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ego.Governor.Metrics.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Governor.Metrics;

/// <summary>
/// Listens to the instruments of the configured meters and keeps their current values per label set, ready to be
/// scraped in the Prometheus text format. Observable instruments are observed on each scrape.
/// </summary>
public sealed class PrometheusMetricsCollector : IDisposable
{
    private readonly MetricsOptions options;
    private readonly IMeterFactory? meterFactory;
    private readonly ILogger logger;
    private readonly MeterListener? listener;
    private readonly ConcurrentDictionary<Instrument, InstrumentState> states = new();
    private readonly ConcurrentDictionary<(string, string), byte> reportedConflicts = new();
    private readonly Lock collectLock = new();
    private bool disposed;

    /// <param name="options">Meters to expose; validated here.</param>
    /// <param name="meterFactory">
    /// When given, meters created by another <see cref="IMeterFactory"/> (another application in the same process)
    /// are left out; meters created without a factory are always candidates.
    /// </param>
    /// <param name="logger">Receives label-set limit, name conflict and callback failure warnings.</param>
    public PrometheusMetricsCollector(MetricsOptions options, IMeterFactory? meterFactory = null, ILogger<PrometheusMetricsCollector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        this.options = options;
        this.meterFactory = meterFactory;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        if (!options.Enabled)
        {
            return;
        }

        listener = new MeterListener
        {
            InstrumentPublished = OnInstrumentPublished,
            MeasurementsCompleted = (instrument, _) => states.TryRemove(instrument, out var removed),
        };
        listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((InstrumentState)state!).Record((double)value, tags));
        listener.Start();
    }

    /// <summary>False when <see cref="MetricsOptions.Enabled"/> is off: nothing is listened to.</summary>
    public bool Enabled => listener is not null;

    /// <summary>Observes the observable instruments and returns the current value of every exposed instrument that has one.</summary>
    public IReadOnlyList<MetricSnapshot> Collect()
    {
        lock (collectLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (listener is null)
            {
                return [];
            }

            foreach (var state in states.Values)
            {
                if (state.Instrument.IsObservable)
                {
                    state.BeginRound();
                }
            }

            try
            {
                listener.RecordObservableInstruments();
            }
            catch (AggregateException exception)
            {
                // The listener still observed the other instruments; only the failing callbacks are missing.
                MetricsLog.ObserveFailed(logger, exception);
            }

            return states.Values.Select(s => s.Snapshot()).Where(s => s.Points.Count > 0).ToList();
        }
    }

    /// <summary>Collects and writes the text exposition format into <paramref name="output"/>.</summary>
    public void WriteTo(IBufferWriter<byte> output) => PrometheusTextSerializer.Write(output, Collect(), OnConflict);

    /// <summary>Collects and writes the text exposition format to <paramref name="stream"/>.</summary>
    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        WriteTo(buffer);
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        lock (collectLock)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        listener?.Dispose();
        states.Clear();
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener meterListener)
    {
        var meter = instrument.Meter;
        if (!options.Includes(meter.Name) || (meterFactory is not null && meter.Scope is not null && !ReferenceEquals(meter.Scope, meterFactory)))
        {
            return;
        }

        var state = InstrumentStates.Create(instrument, options.MaxLabelSetsPerInstrument, OnLabelSetLimit);
        if (state is null)
        {
            MetricsLog.Unsupported(logger, instrument.Name, meter.Name);
            return;
        }

        states[instrument] = state;
        meterListener.EnableMeasurementEvents(instrument, state);
    }

    private void OnLabelSetLimit(Instrument instrument) =>
        MetricsLog.LabelSetLimit(logger, instrument.Name, instrument.Meter.Name, options.MaxLabelSetsPerInstrument);

    private void OnConflict(MetricSnapshot kept, MetricSnapshot dropped)
    {
        if (reportedConflicts.TryAdd((dropped.MeterName, dropped.Name), 0))
        {
            var name = PrometheusNaming.MetricName(dropped.Name, dropped.Unit, dropped.Type);
            MetricsLog.NameConflict(logger, dropped.Name, dropped.MeterName, dropped.Type, name, kept.Name, kept.MeterName, kept.Type);
        }
    }
}
