using System.Diagnostics.Metrics;
using Ego.Governor.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Tests.Metrics;

public sealed class PrometheusEndpointExtensionsTests
{
    [Fact]
    public async Task MapPrometheusMetrics_Scraped_ReturnsTextFormatWithAppRuntimeAndBuildMetrics()
    {
        var meterName = "Test.Endpoint." + Guid.NewGuid().ToString("N");
        await using var app = await MetricsApp.StartAsync(o => o.Meters = [meterName]);
        app.Services.GetRequiredService<IMeterFactory>().Create(meterName).CreateCounter<int>("orders.created").Add(3);
        using var client = new HttpClient { BaseAddress = app.Address };

        using var response = await client.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();

        response.EnsureSuccessStatusCode();
        Assert.Equal(PrometheusTextSerializer.ContentType, response.Content.Headers.ContentType?.ToString());
        Assert.Contains("\norders_created_total 3\n", body, StringComparison.Ordinal);
        Assert.Contains("\n# TYPE process_cpu_seconds_total counter\n", body, StringComparison.Ordinal);
        Assert.Contains("\n# TYPE ego_build_info gauge\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapPrometheusMetrics_CustomPattern_ServesThere()
    {
        await using var app = await MetricsApp.StartAsync(_ => { }, "/internal/metrics");
        using var client = new HttpClient { BaseAddress = app.Address };

        using var custom = await client.GetAsync("/internal/metrics");
        using var standard = await client.GetAsync("/metrics");

        Assert.Equal(200, (int)custom.StatusCode);
        Assert.Equal(404, (int)standard.StatusCode);
    }

    [Fact]
    public async Task MapPrometheusMetrics_Disabled_Answers404SayingSo()
    {
        await using var app = await MetricsApp.StartAsync(o => o.Enabled = false);
        using var client = new HttpClient { BaseAddress = app.Address };

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("metrics are disabled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void MapPrometheusMetrics_WithoutAddEgoMetrics_ThrowsSayingWhatToCall()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapPrometheusMetrics());

        Assert.Contains("AddEgoMetrics", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapPrometheusMetrics_PatternWithoutSlash_ThrowsNamingThePattern()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddEgoMetrics();
        var app = builder.Build();

        var error = Assert.Throws<ArgumentException>(() => app.MapPrometheusMetrics("metrics"));

        Assert.Contains("'metrics'", error.Message, StringComparison.Ordinal);
    }
}
