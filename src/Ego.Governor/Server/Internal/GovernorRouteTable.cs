using Ego.Governor.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Ego.Governor.Server.Internal;

/// <summary>The governor's built-in routes; <c>/</c> lists every route, user routes included.</summary>
internal static class GovernorRouteTable
{
    public static void Map(IEndpointRouteBuilder routes, Func<IReadOnlyList<string>> allRoutes)
    {
        routes.MapGet("/", context => GovernorJson.WriteAsync(context, GovernorJson.Array(allRoutes())));
        routes.MapPrometheusMetrics("/metrics");
        HealthRoutes.Map(routes);
        InfoRoutes.Map(routes);
        RuntimeRoutes.Map(routes);
        ServedRoutes.Map(routes);
        JobRoutes.Map(routes);
        ClientRoutes.Map(routes);
    }
}
