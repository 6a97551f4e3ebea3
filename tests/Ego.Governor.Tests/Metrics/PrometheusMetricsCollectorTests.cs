using System.Diagnostics.Metrics;
using Ego.Governor.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ego.Governor.Tests.Metrics;

public sealed class PrometheusMetricsCollectorTests
{
    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    [Fact]
    public void Collect_CounterWithSeveralLabelSets_SumsPerLabelSetWhateverTheTagOrder()
    {
        using var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));
        var requests = meter.CreateCounter<long>("app.requests", "{request}", "Requests handled.");

        requests.Add(1, Tag("method", "GET"), Tag("code", 200));
        requests.Add(2, Tag("code", 200), Tag("method", "GET"));
        requests.Add(5, Tag("method", "POST"), Tag("code", 500));

        Assert.Equal(
            [
                "app_requests_total{code=\"200\",method=\"GET\"} 3",
                "app_requests_total{code=\"500\",method=\"POST\"} 5",
            ],
            Scrapes.Samples(Scrapes.Text(collector)));
    }

    [Fact]
    public void Record_MoreLabelSetsThanTheRecentOnesInTurn_EachCountedInItsOwnSeries()
    {
        using var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));
        var requests = meter.CreateCounter<long>("app.calls");
        string[] methods = ["/a", "/b", "/c", "/d", "/e", "/f"];

        for (var round = 0; round < 10; round++)
        {
            foreach (var method in methods)
            {
                // Equal values as fresh string instances, and sets that differ from a recent one in one value only.
                requests.Add(1, Tag("method", new string(method.AsSpan())), Tag("code", "OK"));
                requests.Add(2, Tag("method", method), Tag("code", round % 2 == 0 ? "OK" : "Unavailable"));
            }
        }

        Assert.Equal(
            methods.Select(method => $"app_calls_total{{code=\"OK\",method=\"{method}\"}} 20")
                .Concat(methods.Select(method => $"app_calls_total{{code=\"Unavailable\",method=\"{method}\"}} 10")),
            Scrapes.Samples(Scrapes.Text(collector)));
    }

    [Fact]
    public void Collect_HistogramWithAdvice_UsesTheAdvisedBuckets()
    {
        using var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));
        var sizes = meter.CreateHistogram<int>("payload.size", "By", "Payload sizes.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [100, 1000] });

        sizes.Record(50);
        sizes.Record(100);
        sizes.Record(700);
        sizes.Record(5000);

        Assert.Equal(
            [
                "payload_size_bytes_bucket{le=\"100\"} 2",
                "payload_size_bytes_bucket{le=\"1000\"} 3",
                "payload_size_bytes_bucket{le=\"+Inf\"} 4",
                "payload_size_bytes_sum 5850",
                "payload_size_bytes_count 4",
            ],
            Scrapes.Samples(Scrapes.Text(collector)));
    }

    [Fact]
    public void Collect_HistogramInSecondsWithoutAdvice_UsesPrometheusDefaultBuckets()
    {
        using var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));
        meter.CreateHistogram<double>("op.duration", "s").Record(0.3);

        var buckets = Scrapes.Samples(Scrapes.Text(collector)).Where(l => l.StartsWith("op_duration_seconds_bucket", StringComparison.Ordinal));

        Assert.Equal(
            ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"],
            buckets.Select(l => l.Split('"')[1]));
    }

    [Fact]
    public void Collect_ObservableGauge_ReportsOnlyWhatTheLatestCallbackObserved()
    {
        using var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));
        var queues = new Dictionary<string, int> { ["a"] = 3, ["b"] = 4 };
        meter.CreateObservableGauge("queue.length", () => queues.Select(q => new Measurement<int>(q.Value, Tag("queue", q.Key))).ToArray());

        var first = Scrapes.Samples(Scrapes.Text(collector));
        queues.Remove("a");
        queues["b"] = 9;
        var second = Scrapes.Samples(Scrapes.Text(collector));

        Assert.Equal(["queue_length{queue=\"a\"} 3", "queue_length{queue=\"b\"} 4"], first);
        Assert.Equal(["queue_length{queue=\"b\"} 9"], second);
    }

    [Fact]
    public void Collect_ObservableCallbackThrows_StillReportsTheOtherInstruments()
    {
        using var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));
        meter.CreateObservableGauge<int>("broken", (Func<int>)(() => throw new InvalidOperationException("boom")));
        meter.CreateObservableCounter("ticks", () => 12L);

        Assert.Equal(["ticks_total 12"], Scrapes.Samples(Scrapes.Text(collector)));
    }

    [Fact]
    public void Collect_EachInstrumentKind_MapsToItsPrometheusType()
    {
        using var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));
        var inFlight = meter.CreateUpDownCounter<int>("in.flight");
        var temperature = meter.CreateGauge<double>("temperature", "Cel");
        meter.CreateObservableUpDownCounter("pool.size", () => 7);
        meter.CreateObservableCounter("cpu.time", () => 1.5, "s");

        inFlight.Add(5);
        inFlight.Add(-2);
        temperature.Record(20);
        temperature.Record(21.5);
        var text = Scrapes.Text(collector);

        Assert.Contains("# TYPE in_flight gauge\nin_flight 3\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE temperature_celsius gauge\ntemperature_celsius 21.5\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE pool_size gauge\npool_size 7\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE cpu_time_seconds_total counter\ncpu_time_seconds_total 1.5\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_EveryNumericType_IsExposedAsItsValue()
    {
        using var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));

        meter.CreateCounter<byte>("b").Add(1);
        meter.CreateCounter<short>("s").Add(2);
        meter.CreateCounter<int>("i").Add(3);
        meter.CreateCounter<long>("l").Add(4_000_000_000L);
        meter.CreateCounter<float>("f").Add(0.5f);
        meter.CreateCounter<double>("d").Add(0.25);
        meter.CreateCounter<decimal>("m").Add(1.5m);

        Assert.Equal(
            ["b_total 1", "d_total 0.25", "f_total 0.5", "i_total 3", "l_total 4000000000", "m_total 1.5", "s_total 2"],
            Scrapes.Samples(Scrapes.Text(collector)));
    }

    [Fact]
    public async Task Record_FromSeveralThreads_SumsExactly()
    {
        using var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));
        var counter = meter.CreateCounter<int>("work.done");
        var histogram = meter.CreateHistogram<double>("work.size", null, null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1] });
        const int Threads = 4;
        const int PerThread = 20_000;

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                counter.Add(1, Tag("shard", i % 2 == 0 ? "even" : "odd"));
                histogram.Record(t % 2 == 0 ? 0.5 : 2);
            }
        })));

        Assert.Equal(
            [
                "work_done_total{shard=\"even\"} 40000",
                "work_done_total{shard=\"odd\"} 40000",
                "work_size_bucket{le=\"1\"} 40000",
                "work_size_bucket{le=\"+Inf\"} 80000",
                "work_size_sum 100000",
                "work_size_count 80000",
            ],
            Scrapes.Samples(Scrapes.Text(collector)));
    }

    [Fact]
    public void Record_ExistingLabelSet_AllocatesNothing()
    {
        using var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));
        var counter = meter.CreateCounter<long>("hot");
        var histogram = meter.CreateHistogram<double>("hot.latency", "s");
        var route = Tag("route", "/orders");
        var method = Tag("method", "GET");
        for (var i = 0; i < 1_000; i++)
        {
            counter.Add(1, route, method);
            histogram.Record(0.01, route, method);
        }

        // Collectors that other tests start in parallel listen to every meter and allocate once when they first see
        // this label set; a cost of recording itself would show in every round, so the least of three rounds counts.
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                counter.Add(1, route, method);
                histogram.Record(0.01, route, method);
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, least);
    }

    [Fact]
    public void Record_BeyondTheLabelSetLimit_DropsNewLabelSetsOnly()
    {
        using var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter, maxLabelSets: 2));
        var counter = meter.CreateCounter<int>("users");

        counter.Add(1, Tag("id", "a"));
        counter.Add(1, Tag("id", "b"));
        counter.Add(1, Tag("id", "c"));
        counter.Add(1, Tag("id", "a"));

        Assert.Equal(["users_total{id=\"a\"} 2", "users_total{id=\"b\"} 1"], Scrapes.Samples(Scrapes.Text(collector)));
    }

    [Fact]
    public void Record_BeyondTheLabelSetLimit_WarnsOnce()
    {
        using var meter = Scrapes.NewMeter();
        var logger = new ListLogger<PrometheusMetricsCollector>();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter, maxLabelSets: 1), logger: logger);
        var counter = meter.CreateCounter<int>("users");

        counter.Add(1, Tag("id", "a"));
        counter.Add(1, Tag("id", "b"));
        counter.Add(1, Tag("id", "c"));

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains($"instrument users of meter {meter.Name} reached 1 label sets", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_TwoInstrumentsOneNameDifferentTypes_ExposesOneAndWarnsOnce()
    {
        using var meter = Scrapes.NewMeter();
        var logger = new ListLogger<PrometheusMetricsCollector>();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter), logger: logger);
        meter.CreateCounter<int>("jobs").Add(4);
        meter.CreateObservableGauge("jobs_total", () => 9);

        var first = Scrapes.Text(collector);
        var second = Scrapes.Text(collector);

        Assert.Equal(["jobs_total 4"], Scrapes.Samples(first));
        Assert.Equal(first, second);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("instrument jobs_total of meter", warning.Message, StringComparison.Ordinal);
        Assert.Contains("(Gauge) maps to Prometheus name jobs_total already used by jobs of meter", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_ObservableCallbackThrows_LogsTheFailure()
    {
        using var meter = Scrapes.NewMeter();
        var logger = new ListLogger<PrometheusMetricsCollector>();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter), logger: logger);
        meter.CreateObservableGauge<int>("broken", (Func<int>)(() => throw new InvalidOperationException("boom")));

        collector.Collect();

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("callback failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Collect_MeterNotConfigured_IsNotExposed()
    {
        using var meter = Scrapes.NewMeter();
        using var other = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));
        other.CreateCounter<int>("elsewhere").Add(1);
        meter.CreateCounter<int>("here").Add(1);

        Assert.Equal(["here_total 1"], Scrapes.Samples(Scrapes.Text(collector)));
    }

    [Fact]
    public void Collect_MeterDisposed_DropsItsInstruments()
    {
        var meter = Scrapes.NewMeter();
        using var collector = new PrometheusMetricsCollector(Scrapes.OnlyMeter(meter));
        meter.CreateCounter<int>("gone").Add(1);

        meter.Dispose();

        Assert.Empty(collector.Collect());
    }

    [Fact]
    public void Collect_MeterOfAnotherFactory_IsNotExposed()
    {
        using var ours = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var theirs = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var name = "Test.Metrics.Scoped." + Guid.NewGuid().ToString("N");
        using var collector = new PrometheusMetricsCollector(new MetricsOptions { MeterPrefixes = [name] }, ours.GetRequiredService<IMeterFactory>());

        ours.GetRequiredService<IMeterFactory>().Create(name).CreateCounter<int>("mine").Add(1);
        theirs.GetRequiredService<IMeterFactory>().Create(name).CreateCounter<int>("theirs").Add(1);

        Assert.Equal(["mine_total 1"], Scrapes.Samples(Scrapes.Text(collector)));
    }

    [Fact]
    public void Collect_Disabled_ListensToNothing()
    {
        using var meter = Scrapes.NewMeter();
        var options = Scrapes.OnlyMeter(meter);
        options.Enabled = false;
        using var collector = new PrometheusMetricsCollector(options);
        meter.CreateCounter<int>("ignored").Add(1);

        Assert.False(collector.Enabled);
        Assert.Empty(collector.Collect());
    }

    [Fact]
    public void Collect_AfterDispose_Throws()
    {
        var collector = new PrometheusMetricsCollector(new MetricsOptions());
        collector.Dispose();

        Assert.Throws<ObjectDisposedException>(() => collector.Collect());
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingEveryProblem()
    {
        var options = new MetricsOptions { MeterPrefixes = [""], MaxLabelSetsPerInstrument = 0 };

        var error = Assert.Throws<ArgumentException>(() => new PrometheusMetricsCollector(options));

        Assert.Contains("meterPrefixes[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("maxLabelSetsPerInstrument", error.Message, StringComparison.Ordinal);
    }
}
