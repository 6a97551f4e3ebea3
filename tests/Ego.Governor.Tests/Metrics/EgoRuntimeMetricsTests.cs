using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ego.Governor.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Tests.Metrics;

public sealed class EgoRuntimeMetricsTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly EgoRuntimeMetrics runtime;
    private readonly PrometheusMetricsCollector collector;

    public EgoRuntimeMetricsTests()
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        runtime = new EgoRuntimeMetrics(factory);
        collector = new PrometheusMetricsCollector(new MetricsOptions { MeterPrefixes = [], Meters = [EgoRuntimeMetrics.MeterName] }, factory);
    }

    public void Dispose()
    {
        collector.Dispose();
        runtime.Dispose();
        services.Dispose();
    }

    [Theory]
    [InlineData("process_cpu_seconds_total", "counter")]
    [InlineData("process_resident_memory_bytes", "gauge")]
    [InlineData("process_virtual_memory_bytes", "gauge")]
    [InlineData("process_start_time_seconds", "gauge")]
    [InlineData("dotnet_gc_collections_total", "counter")]
    [InlineData("dotnet_gc_heap_size_bytes", "gauge")]
    [InlineData("dotnet_gc_allocated_bytes_total", "counter")]
    [InlineData("dotnet_gc_pause_seconds_total", "counter")]
    [InlineData("dotnet_threadpool_threads", "gauge")]
    [InlineData("dotnet_threadpool_queue_length", "gauge")]
    [InlineData("dotnet_threadpool_completed_items_total", "counter")]
    [InlineData("dotnet_monitor_lock_contentions_total", "counter")]
    [InlineData("dotnet_exceptions_total", "counter")]
    public void Scrape_RuntimeFamily_HasItsConventionalNameAndType(string name, string type)
    {
        var text = Scrapes.Text(collector);

        Assert.Contains($"\n# TYPE {name} {type}\n", "\n" + text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_ProcessFigures_AreThoseOfThisProcess()
    {
        var text = Scrapes.Text(collector);

        using var process = Process.GetCurrentProcess();
        var start = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
        Assert.Equal(start, Scrapes.Value(text, "process_start_time_seconds"), 3);
        Assert.InRange(Scrapes.Value(text, "process_resident_memory_bytes"), 1 << 20, Scrapes.Value(text, "process_virtual_memory_bytes"));
        Assert.InRange(Scrapes.Value(text, "process_cpu_seconds_total"), 0.01, process.TotalProcessorTime.TotalSeconds + 1);
    }

    [Fact]
    public void Scrape_OnLinux_ReportsFileDescriptorsWithinTheLimit()
    {
        Assert.True(OperatingSystem.IsLinux(), "the build and test machines run Linux, where /proc/self is read");
        using var opened = File.OpenRead(typeof(EgoRuntimeMetricsTests).Assembly.Location);

        var text = Scrapes.Text(collector);

        var open = Scrapes.Value(text, "process_open_fds");
        Assert.InRange(open, 4, Scrapes.Value(text, "process_max_fds"));
    }

    [Fact]
    public void Scrape_AfterAGarbageCollection_CountsItInGen2()
    {
        var before = Scrapes.Value(Scrapes.Text(collector), "dotnet_gc_collections_total{generation=\"gen2\"}");
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);

        var after = Scrapes.Value(Scrapes.Text(collector), "dotnet_gc_collections_total{generation=\"gen2\"}");

        Assert.True(after >= before + 1, $"gen2 collections went from {before} to {after}");
    }

    [Fact]
    public void Scrape_AfterACaughtException_CountsIt()
    {
        var before = Scrapes.Value(Scrapes.Text(collector), "dotnet_exceptions_total");
        try
        {
            throw new InvalidOperationException("counted");
        }
        catch (InvalidOperationException)
        {
        }

        var after = Scrapes.Value(Scrapes.Text(collector), "dotnet_exceptions_total");

        Assert.True(after >= before + 1, $"exceptions went from {before} to {after}");
    }
}
