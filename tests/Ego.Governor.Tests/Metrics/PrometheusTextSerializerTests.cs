using System.Text;
using Ego.Governor.Metrics;

namespace Ego.Governor.Tests.Metrics;

public sealed class PrometheusTextSerializerTests
{
    private static MetricPoint Point(double value, params (string Name, string Value)[] labels) =>
        new(labels.Select(l => new KeyValuePair<string, string>(l.Name, l.Value)).ToArray(), value);

    private static MetricSnapshot Metric(string name, MetricType type, string? unit, params MetricPoint[] points) =>
        new("Test", name, unit, "Help of " + name + ".", type, points);

    [Fact]
    public void Write_Counter_WritesHelpTypeAndTotalSuffixedSamples()
    {
        var text = Scrapes.Text([Metric("http.requests", MetricType.Counter, "{request}", Point(3, ("method", "GET")), Point(1, ("method", "POST")))]);

        Assert.Equal(
            "# HELP http_requests_total Help of http.requests.\n" +
            "# TYPE http_requests_total counter\n" +
            "http_requests_total{method=\"GET\"} 3\n" +
            "http_requests_total{method=\"POST\"} 1\n",
            text);
    }

    [Fact]
    public void Write_CounterNamedWithTotal_DoesNotDoubleTheSuffix()
    {
        var text = Scrapes.Text([Metric("jobs_total", MetricType.Counter, null, Point(2))]);

        Assert.Contains("# TYPE jobs_total counter\njobs_total 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Gauge_WritesGaugeTypeWithoutLabelBraces()
    {
        var text = Scrapes.Text([Metric("queue.depth", MetricType.Gauge, null, Point(-4.5))]);

        Assert.Equal("# HELP queue_depth Help of queue.depth.\n# TYPE queue_depth gauge\nqueue_depth -4.5\n", text);
    }

    [Theory]
    [InlineData("request.duration", "s", MetricType.Histogram, "request_duration_seconds")]
    [InlineData("request.duration", "ms", MetricType.Histogram, "request_duration_milliseconds")]
    [InlineData("memory.used", "By", MetricType.Gauge, "memory_used_bytes")]
    [InlineData("io", "By", MetricType.Counter, "io_bytes_total")]
    [InlineData("io_bytes_total", "By", MetricType.Counter, "io_bytes_total")]
    [InlineData("cpu.utilization", "1", MetricType.Gauge, "cpu_utilization_ratio")]
    [InlineData("items", "1", MetricType.Counter, "items_total")]
    [InlineData("active", "{connection}", MetricType.Gauge, "active")]
    [InlineData("speed", "m/s", MetricType.Gauge, "speed_meters_per_second")]
    [InlineData("packets", "{packet}/s", MetricType.Gauge, "packets_per_second")]
    [InlineData("process_start_time_seconds", "s", MetricType.Gauge, "process_start_time_seconds")]
    [InlineData("2xx-responses", null, MetricType.Counter, "_2xx_responses_total")]
    [InlineData("db..pool//wait", null, MetricType.Gauge, "db_pool_wait")]
    [InlineData("job:latency", null, MetricType.Gauge, "job:latency")]
    public void Write_NameAndUnit_WritesPrometheusFamilyName(string name, string? unit, MetricType type, string expected)
    {
        var point = type == MetricType.Histogram ? new MetricPoint([], 0, new HistogramPoint([1], [1, 0], 0.5)) : Point(1);

        var text = Scrapes.Text([Metric(name, type, unit, point)]);

        Assert.StartsWith($"# HELP {expected} ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Histogram_WritesCumulativeBucketsInfSumAndCount()
    {
        var histogram = new HistogramPoint([0.1, 0.5, 1], [2, 0, 3, 1], 4.25);
        var text = Scrapes.Text([Metric("latency", MetricType.Histogram, "s", new MetricPoint([new("route", "/a")], 0, histogram))]);

        Assert.Equal(
            "# HELP latency_seconds Help of latency.\n" +
            "# TYPE latency_seconds histogram\n" +
            "latency_seconds_bucket{route=\"/a\",le=\"0.1\"} 2\n" +
            "latency_seconds_bucket{route=\"/a\",le=\"0.5\"} 2\n" +
            "latency_seconds_bucket{route=\"/a\",le=\"1\"} 5\n" +
            "latency_seconds_bucket{route=\"/a\",le=\"+Inf\"} 6\n" +
            "latency_seconds_sum{route=\"/a\"} 4.25\n" +
            "latency_seconds_count{route=\"/a\"} 6\n",
            text);
    }

    [Fact]
    public void Write_HistogramWithLeTag_KeepsOnlyTheBucketLe()
    {
        var histogram = new HistogramPoint([1], [1, 0], 1);
        var text = Scrapes.Text([Metric("h", MetricType.Histogram, null, new MetricPoint([new("le", "user")], 0, histogram))]);

        Assert.Contains("h_bucket{le=\"1\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("h_sum 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HelpAndLabelValues_AreEscaped()
    {
        var metric = new MetricSnapshot("Test", "odd", null, "a \\ back\nslash \"quoted\"", MetricType.Gauge,
            [Point(1, ("path", "C:\\dir\n\"x\""))]);

        var text = Scrapes.Text([metric]);

        Assert.Contains("# HELP odd a \\\\ back\\nslash \"quoted\"\n", text, StringComparison.Ordinal);
        Assert.Contains("odd{path=\"C:\\\\dir\\n\\\"x\\\"\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoDescription_UsesInstrumentAndMeterAsHelp()
    {
        var text = Scrapes.Text([new MetricSnapshot("My.Meter", "things", null, null, MetricType.Gauge, [Point(1)])]);

        Assert.StartsWith("# HELP things things (meter My.Meter)\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(1e21, "1E+21")]
    [InlineData(123456789012.0, "123456789012")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    public void Write_Value_FormatsAsPrometheusParsesIt(double value, string expected)
    {
        var text = Scrapes.Text([Metric("v", MetricType.Gauge, null, Point(value))]);

        Assert.Equal($"v {expected}", Scrapes.Samples(text).Single());
    }

    [Fact]
    public void Write_LabelNames_AreSanitizedAndRepeatsDropped()
    {
        var text = Scrapes.Text([Metric("g", MetricType.Gauge, null, Point(1, ("http.method", "GET"), ("http_method", "PUT"), ("0code", "200")))]);

        Assert.Equal("g{http_method=\"GET\",_0code=\"200\"} 1", Scrapes.Samples(text).Single());
    }

    [Fact]
    public void Write_Families_AreSortedByName()
    {
        var text = Scrapes.Text([Metric("zeta", MetricType.Gauge, null, Point(1)), Metric("alpha", MetricType.Gauge, null, Point(2))]);

        Assert.Equal(["alpha 2", "zeta 1"], Scrapes.Samples(text));
    }

    [Fact]
    public void Write_SameNameDifferentTypes_KeepsFirstAndReportsConflict()
    {
        var conflicts = new List<(MetricSnapshot Kept, MetricSnapshot Dropped)>();
        var gauge = new MetricSnapshot("A", "dup", null, "gauge", MetricType.Gauge, [Point(1)]);
        var histogram = new MetricSnapshot("B", "dup", null, "histogram", MetricType.Histogram, [new MetricPoint([], 0, new HistogramPoint([1], [1, 0], 1))]);

        var text = Scrapes.Text([histogram, gauge], (kept, dropped) => conflicts.Add((kept, dropped)));

        Assert.Equal("# HELP dup gauge\n# TYPE dup gauge\ndup 1\n", text);
        Assert.Equal((gauge, histogram), conflicts.Single());
    }

    [Fact]
    public void Write_SameNameSameType_MergesIntoOneFamilyWithoutDuplicateSeries()
    {
        var first = new MetricSnapshot("A", "hits", null, "first", MetricType.Counter, [Point(1, ("k", "x")), Point(2, ("k", "y"))]);
        var second = new MetricSnapshot("B", "hits", null, "second", MetricType.Counter, [Point(5, ("k", "x")), Point(7, ("k", "z"))]);

        var text = Scrapes.Text([second, first]);

        Assert.Equal(
            "# HELP hits_total first\n# TYPE hits_total counter\n" +
            "hits_total{k=\"x\"} 1\nhits_total{k=\"y\"} 2\nhits_total{k=\"z\"} 7\n",
            text);
    }

    [Fact]
    public async Task WriteAsync_Stream_WritesTheSameBytesAsTheBufferWriter()
    {
        MetricSnapshot[] metrics = [Metric("a", MetricType.Counter, "s", Point(1.5, ("x", "é")))];
        using var stream = new MemoryStream();

        await PrometheusTextSerializer.WriteAsync(stream, metrics, CancellationToken.None);

        Assert.Equal(Scrapes.Text(metrics), Encoding.UTF8.GetString(stream.ToArray()));
    }
}
