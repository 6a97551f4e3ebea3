using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Metrics;

/// <summary>Maps the Prometheus scrape endpoint.</summary>
public static class PrometheusEndpointExtensions
{
    /// <summary>
    /// Answers GET <paramref name="pattern"/> with every exposed metric in the text format 0.0.4, or 404 when
    /// metrics are disabled. Requires <see cref="MetricsServiceCollectionExtensions.AddEgoMetrics"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (string.IsNullOrWhiteSpace(pattern) || !pattern.StartsWith('/'))
        {
            throw new ArgumentException($"metrics endpoint pattern '{pattern}' is invalid: expected a path starting with /, e.g. /metrics", nameof(pattern));
        }

        var collector = endpoints.ServiceProvider.GetService<PrometheusMetricsCollector>()
            ?? throw new InvalidOperationException("MapPrometheusMetrics needs the metrics collector: call services.AddEgoMetrics() first");

        return endpoints.MapGet(pattern, async context =>
        {
            if (!collector.Enabled)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync("metrics are disabled (metrics.enabled = false)\n", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            context.Response.ContentType = PrometheusTextSerializer.ContentType;
            collector.WriteTo(context.Response.BodyWriter);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        });
    }
}
