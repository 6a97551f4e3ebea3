using System.Diagnostics.Metrics;
using Ego.Build;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ego.Governor.Metrics;

/// <summary>Registers the Prometheus metrics collector.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PrometheusMetricsCollector"/> as a singleton listening to meters of this application
    /// (see <see cref="MetricsOptions"/>), plus the <c>Ego.Runtime</c> and <c>Ego.Build</c> meters unless turned off.
    /// <see cref="BuildInfo"/> and <see cref="EgoEnvironment"/> are taken from the container when registered.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static IServiceCollection AddEgoMetrics(this IServiceCollection services, Action<MetricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new MetricsOptions();
        configure?.Invoke(options);
        options.ThrowIfInvalid();

        services.AddMetrics();
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new EgoRuntimeMetrics(sp.GetRequiredService<IMeterFactory>()));
        services.TryAddSingleton(sp => new EgoBuildInfoMetrics(
            sp.GetService<BuildInfo>() ?? BuildInfo.FromAssembly(),
            sp.GetService<EgoEnvironment>() ?? new EgoEnvironment(),
            sp.GetRequiredService<IMeterFactory>()));
        services.TryAddSingleton(sp =>
        {
            var registered = sp.GetRequiredService<MetricsOptions>();
            if (registered.Enabled && registered.RuntimeMetrics)
            {
                sp.GetRequiredService<EgoRuntimeMetrics>();
            }

            if (registered.Enabled && registered.BuildInfoMetric)
            {
                sp.GetRequiredService<EgoBuildInfoMetrics>();
            }

            return new PrometheusMetricsCollector(
                registered,
                sp.GetRequiredService<IMeterFactory>(),
                sp.GetService<ILogger<PrometheusMetricsCollector>>());
        });
        return services;
    }
}
