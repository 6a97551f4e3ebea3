using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Ego.Build;
using Ego.Governor.Metrics;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Tests.Metrics;

public sealed class EgoBuildInfoMetricsTests
{
    private static readonly BuildInfo Build = new()
    {
        AppName = "orders-bin",
        AppVersion = "abc123-dirty",
        EgoVersion = "0.1.0",
        BuildTime = "2026-11-20 10:00:00",
        DotnetVersion = ".NET 10.0.0",
    };

    private static string Scrape(EgoEnvironment environment)
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var metrics = new EgoBuildInfoMetrics(Build, environment, factory);
        using var collector = new PrometheusMetricsCollector(new MetricsOptions { MeterPrefixes = [], Meters = [EgoBuildInfoMetrics.MeterName] }, factory);
        return Scrapes.Text(collector);
    }

    [Fact]
    public void Scrape_BuildInfo_IsOneGaugeLabelledWithBuildAndEnvironment()
    {
        var text = Scrape(new EgoEnvironment { AppName = "orders", Mode = "prod", Region = "eu-west", Zone = "eu-west-1a" });

        using var process = Process.GetCurrentProcess();
        var start = process.StartTime.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Contains("# TYPE ego_build_info gauge\n", text, StringComparison.Ordinal);
        Assert.Equal(
            "ego_build_info{app_version=\"abc123-dirty\",build_time=\"2026-11-20 10:00:00\",dotnet_version=\".NET 10.0.0\"," +
            $"ego_version=\"0.1.0\",mode=\"prod\",name=\"orders\",region=\"eu-west\",start_time=\"{start}\",zone=\"eu-west-1a\"}} 1",
            Scrapes.Samples(text).Single());
    }

    [Fact]
    public void Scrape_NoAppNameInEnvironment_UsesTheBuildAppName()
    {
        var text = Scrape(new EgoEnvironment { AppName = "" });

        Assert.Contains("name=\"orders-bin\"", Scrapes.Samples(text).Single(), StringComparison.Ordinal);
    }
}
