using Ego.Governor.Metrics;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Tests.Metrics;

public sealed class MetricsServiceCollectionExtensionsTests
{
    private static ServiceProvider Provider(string appName, Action<MetricsOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new EgoEnvironment { AppName = appName, Mode = "test" });
        services.AddEgoMetrics(configure);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddEgoMetrics_EnvironmentRegistered_LabelsBuildInfoWithIt()
    {
        using var provider = Provider("billing");

        var text = Scrapes.Text(provider.GetRequiredService<PrometheusMetricsCollector>());

        var buildInfo = Assert.Single(Scrapes.Samples(text), l => l.StartsWith("ego_build_info{", StringComparison.Ordinal));
        Assert.Contains("mode=\"test\",name=\"billing\"", buildInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEgoMetrics_TwoApplicationsInOneProcess_EachExposesOnlyItsOwnMeters()
    {
        using var first = Provider("first");
        using var second = Provider("second");

        var firstText = Scrapes.Text(first.GetRequiredService<PrometheusMetricsCollector>());
        var secondText = Scrapes.Text(second.GetRequiredService<PrometheusMetricsCollector>());

        Assert.Contains("name=\"first\"", Assert.Single(Scrapes.Samples(firstText), l => l.StartsWith("ego_build_info", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("name=\"second\"", Assert.Single(Scrapes.Samples(secondText), l => l.StartsWith("ego_build_info", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void AddEgoMetrics_RuntimeAndBuildInfoOff_ExposesNeither()
    {
        using var provider = Provider("quiet", o =>
        {
            o.RuntimeMetrics = false;
            o.BuildInfoMetric = false;
        });

        var text = Scrapes.Text(provider.GetRequiredService<PrometheusMetricsCollector>());

        Assert.DoesNotContain("process_cpu_seconds_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ego_build_info", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEgoMetrics_InvalidOptions_ThrowsListingEveryProblem()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddEgoMetrics(o =>
        {
            o.Meters = [""];
            o.MaxLabelSetsPerInstrument = 0;
        }));

        Assert.Equal("invalid metrics options: meters[0]: is empty: expected a meter name, e.g. Microsoft.AspNetCore.Hosting; " +
            "maxLabelSetsPerInstrument: 0 is not allowed: expected 1 or more", error.Message);
    }
}
