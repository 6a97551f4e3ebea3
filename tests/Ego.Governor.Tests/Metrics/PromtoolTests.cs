using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Tests.Metrics;

/// <summary>Checks a realistic scrape with <c>promtool check metrics</c> (Debian package <c>prometheus</c>).</summary>
public sealed class PromtoolTests
{
    [Fact]
    public async Task CheckMetrics_RealisticScrape_ReportsNoProblem()
    {
        var promtool = ExternalTool.Require("promtool");
        var meterName = "Test.Promtool." + Guid.NewGuid().ToString("N");
        await using var app = await MetricsApp.StartAsync(o => o.Meters =
            [meterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"]);
        RecordAppMetrics(app.Services.GetRequiredService<IMeterFactory>().Create(meterName));
        using var client = new HttpClient { BaseAddress = app.Address };
        await client.GetStringAsync("/metrics");

        var scrape = await client.GetStringAsync("/metrics");
        var (exitCode, output) = await ExternalTool.RunAsync(promtool, "check metrics", scrape, TimeSpan.FromSeconds(30));

        Assert.Contains("\nhttp_server_request_duration_seconds_bucket{", scrape, StringComparison.Ordinal);
        Assert.True(exitCode == 0 && output.Trim().Length == 0, $"promtool exited with {exitCode}:\n{output}\nscrape:\n{scrape}");
    }

    private static void RecordAppMetrics(Meter meter)
    {
        var requests = meter.CreateCounter<long>("orders.requests", "{request}", "Order requests by method and outcome.");
        requests.Add(3, new("method", "GET"), new("outcome", "ok"));
        requests.Add(1, new("method", "POST"), new("outcome", "path \"C:\\tmp\"\nfailed"));

        var duration = meter.CreateHistogram<double>("orders.duration", "s", "Time to place an order.");
        foreach (var seconds in new[] { 0.004, 0.02, 0.3, 1.7, 12.0 })
        {
            duration.Record(seconds, new KeyValuePair<string, object?>("shop", "main"));
        }

        meter.CreateUpDownCounter<int>("orders.in_flight", "{order}", "Orders being placed.").Add(2);
        meter.CreateObservableGauge("orders.cache.hit", () => 0.75, "1", "Share of order lookups served from cache.");
        meter.CreateObservableCounter("orders.sent", () => 4096L, "By", "Bytes of order payloads sent.");
    }
}
