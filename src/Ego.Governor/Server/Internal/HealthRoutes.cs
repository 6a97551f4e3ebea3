using System.Text.Json.Nodes;
using Ego.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Server.Internal;

/// <summary><c>/health/live</c> and <c>/health/ready</c> for Kubernetes probes.</summary>
internal static class HealthRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", context =>
        {
            // Alive while the process can still serve; only a finished stop says otherwise.
            var stage = context.RequestServices.GetRequiredService<ApplicationLifecycle>().Stage;
            var alive = stage != ApplicationStage.Stopped;
            return GovernorJson.WriteAsync(context, Status(alive ? "alive" : "stopped", stage), alive ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        routes.MapGet("/health/ready", context =>
        {
            var ready = context.RequestServices.GetRequiredService<ApplicationReadiness>().IsReady;
            var stage = context.RequestServices.GetRequiredService<ApplicationLifecycle>().Stage;
            return GovernorJson.WriteAsync(context, Status(ready ? "ready" : "not ready", stage), ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }

    private static JsonObject Status(string status, ApplicationStage stage)
        => new() { ["status"] = status, ["stage"] = stage.ToString().ToLowerInvariant() };
}
