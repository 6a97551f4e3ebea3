using System.Diagnostics.Metrics;
using Ego.Governor.Metrics.Internal;

namespace Ego.Governor.Metrics;

/// <summary>
/// The <c>Ego.Runtime</c> meter: process figures under the names the Prometheus clients use (<c>process_*</c>)
/// and .NET runtime figures under <c>dotnet_*</c>, all observed when scraped.
/// </summary>
public sealed class EgoRuntimeMetrics : IDisposable
{
    public const string MeterName = "Ego.Runtime";

    private static readonly string[] Generations = ["gen0", "gen1", "gen2"];

    private readonly Meter meter;
    private readonly bool ownsMeter;
    private long exceptions;

    /// <param name="meterFactory">Creates the meter scoped to an application; without one the meter is process-wide and owned here.</param>
    public EgoRuntimeMetrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        ownsMeter = meterFactory is null;
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChanceException;

        meter.CreateObservableCounter("process_cpu_seconds_total", () => Environment.CpuUsage.TotalTime.TotalSeconds,
            "s", "Total user and system CPU time spent in seconds.");
        meter.CreateObservableGauge("process_resident_memory_bytes", () => ProcSelf.Memory().Resident,
            "By", "Resident memory size in bytes.");
        meter.CreateObservableGauge("process_virtual_memory_bytes", () => ProcSelf.Memory().Virtual,
            "By", "Virtual memory size in bytes.");
        meter.CreateObservableGauge("process_open_fds", () => Optional(ProcSelf.OpenFileDescriptors()),
            "{file}", "Number of open file descriptors.");
        meter.CreateObservableGauge("process_max_fds", () => Optional(ProcSelf.MaxFileDescriptors()),
            "{file}", "Maximum number of open file descriptors.");
        meter.CreateObservableGauge("process_start_time_seconds", () => ProcSelf.StartTimeUtc.ToUnixTimeMilliseconds() / 1000.0,
            "s", "Start time of the process since unix epoch in seconds.");

        meter.CreateObservableCounter("dotnet_gc_collections_total", GcCollections,
            "{collection}", "Garbage collections since the process started, by generation.");
        meter.CreateObservableGauge("dotnet_gc_heap_size_bytes", () => GC.GetTotalMemory(forceFullCollection: false),
            "By", "Bytes currently allocated on the managed heap.");
        meter.CreateObservableCounter("dotnet_gc_allocated_bytes_total", () => GC.GetTotalAllocatedBytes(),
            "By", "Bytes allocated on the managed heap since the process started.");
        meter.CreateObservableCounter("dotnet_gc_pause_seconds_total", () => GC.GetTotalPauseDuration().TotalSeconds,
            "s", "Time the garbage collector paused the process, in seconds.");
        meter.CreateObservableGauge("dotnet_threadpool_threads", () => ThreadPool.ThreadCount,
            "{thread}", "Threads of the thread pool.");
        meter.CreateObservableGauge("dotnet_threadpool_queue_length", () => ThreadPool.PendingWorkItemCount,
            "{work_item}", "Work items queued to the thread pool and not yet started.");
        meter.CreateObservableCounter("dotnet_threadpool_completed_items_total", () => ThreadPool.CompletedWorkItemCount,
            "{work_item}", "Work items the thread pool has completed.");
        meter.CreateObservableCounter("dotnet_monitor_lock_contentions_total", () => Monitor.LockContentionCount,
            "{contention}", "Times a thread waited for a monitor lock held by another.");
        meter.CreateObservableCounter("dotnet_exceptions_total", () => Interlocked.Read(ref exceptions),
            "{exception}", "Exceptions thrown since these metrics were created, caught or not.");
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.FirstChanceException -= OnFirstChanceException;
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }

    private static IEnumerable<Measurement<long>> Optional(long? value) =>
        value is { } known ? [new Measurement<long>(known)] : [];

    private static IEnumerable<Measurement<long>> GcCollections()
    {
        var measurements = new Measurement<long>[Generations.Length];
        for (var generation = 0; generation < Generations.Length; generation++)
        {
            measurements[generation] = new(GC.CollectionCount(generation), new KeyValuePair<string, object?>("generation", Generations[generation]));
        }

        return measurements;
    }

    private void OnFirstChanceException(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e) =>
        Interlocked.Increment(ref exceptions);
}
