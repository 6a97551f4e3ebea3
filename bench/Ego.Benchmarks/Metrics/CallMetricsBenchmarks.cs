using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Ego.Governor.Metrics;
using Ego.Observability;

namespace Ego.Benchmarks.Metrics;

/// <summary>
/// What the <c>ego_server_*</c> metrics of one finished unary call cost with the Prometheus collector listening (three
/// measurements: started, handled, seconds), against one counter increment without labels on the same collector.
/// </summary>
[MemoryDiagnoser]
public class CallMetricsBenchmarks
{
    private const string Method = "/ego.bench.v1.Echo/Unary";
    private const string Service = "ego.bench.v1.Echo";
    private static readonly TimeSpan Cost = TimeSpan.FromMicroseconds(80);

    private Meter meter = null!;
    private Counter<long> plain = null!;
    private PrometheusMetricsCollector collector = null!;

    [GlobalSetup]
    public void Setup()
    {
        meter = new Meter("Ego.Benchmarks.Plain");
        plain = meter.CreateCounter<long>("plain_total");
        collector = new PrometheusMetricsCollector(new MetricsOptions { MeterPrefixes = [], Meters = [EgoCallMetrics.MeterName, meter.Name] });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        collector.Dispose();
        meter.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void CounterWithoutLabels() => plain.Add(1);

    [Benchmark]
    public void ServerCall()
    {
        EgoCallMetrics.ServerCallStarted("unary", Method, "", Service);
        EgoCallMetrics.ServerCallHandled("unary", Method, "", "OK", "200", Service, Cost);
    }
}
