using System.Text.Json.Nodes;
using Ego.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Server.Internal;

/// <summary><c>/routes</c>: the HTTP endpoints of the main port and every method of the other servers (gRPC).</summary>
internal static class ServedRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
        => routes.MapGet("/routes", context => GovernorJson.WriteAsync(context, Snapshot(context.RequestServices)));

    internal static JsonObject Snapshot(IServiceProvider services)
    {
        var http = new JsonArray();
        var endpoints = services.GetService<EndpointDataSource>()?.Endpoints ?? [];
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>().Where(e => !GovernorEndpoint.IsGovernor(e))
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal))
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            http.Add(new JsonObject
            {
                ["methods"] = GovernorJson.Array(methods),
                ["pattern"] = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'),
            });
        }

        var servers = new JsonObject();
        foreach (var server in services.GetServices<IEgoServer>())
        {
            if (server is IEgoServerRoutes served)
            {
                servers[server.Name] = new JsonObject { ["kind"] = server.Kind, ["routes"] = GovernorJson.Array(served.Routes) };
            }
        }

        return new JsonObject { ["http"] = http, ["servers"] = servers };
    }
}
