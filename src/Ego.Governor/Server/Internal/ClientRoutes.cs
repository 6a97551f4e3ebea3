using System.Text.Json.Nodes;
using Ego.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Server.Internal;

/// <summary><c>/clients</c>: every registered <see cref="IGovernorStats"/> by name, and <c>/clients/{name}</c> for one.</summary>
internal static class ClientRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/clients", context =>
        {
            var node = new JsonObject();
            foreach (var stats in context.RequestServices.GetServices<IGovernorStats>().OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                node[stats.Name] = stats.Snapshot();
            }

            return GovernorJson.WriteAsync(context, node);
        });
        routes.MapGet("/clients/{name}", context =>
        {
            var name = (string)context.Request.RouteValues["name"]!;
            var stats = context.RequestServices.GetServices<IGovernorStats>().FirstOrDefault(s => s.Name == name);
            return stats is null
                ? GovernorJson.WriteAsync(context, new JsonObject { ["error"] = $"no client named '{name}'" }, 404)
                : GovernorJson.WriteAsync(context, stats.Snapshot());
        });
    }
}
