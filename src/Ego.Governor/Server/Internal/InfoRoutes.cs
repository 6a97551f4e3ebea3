using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Ego.Build;
using Ego.Components;
using Ego.Configuration;
using Ego.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Server.Internal;

/// <summary><c>/build/info</c>, <c>/env/info</c> and, when enabled, <c>/config/json</c>.</summary>
internal static class InfoRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var services = routes.ServiceProvider;
        var environment = services.GetService<EgoEnvironment>() ?? new EgoEnvironment();
        routes.MapGet("/build/info", context => GovernorJson.WriteAsync(context, BuildInfoNode(services.GetService<BuildInfo>() ?? BuildInfo.FromAssembly(), environment)));
        routes.MapGet("/env/info", context => GovernorJson.WriteAsync(context, EnvironmentNode()));

        // As in EGO, the effective configuration is served only in debug mode or when explicitly enabled.
        if (environment.Debug || environment.GovernorEnableConfig)
        {
            routes.MapGet("/config/json", context =>
            {
                var json = ConfigurationDump.ToJson(services.GetRequiredService<IConfiguration>(), services.GetService<ComponentRegistry>());
                return GovernorJson.WriteAsync(context, JsonNode.Parse(json)!);
            });
        }
    }

    private static JsonObject BuildInfoNode(BuildInfo build, EgoEnvironment environment) => new()
    {
        ["name"] = environment.AppName,
        ["appMode"] = environment.Mode,
        ["region"] = environment.Region,
        ["zone"] = environment.Zone,
        ["appVersion"] = build.AppVersion,
        ["egoVersion"] = build.EgoVersion,
        ["buildUser"] = build.BuildUser,
        ["buildHost"] = build.BuildHost,
        ["buildTime"] = build.BuildTime,
        ["buildStatus"] = build.BuildStatus,
        ["startTime"] = Process.GetCurrentProcess().StartTime.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["hostName"] = Environment.MachineName,
        ["instance"] = environment.Instance,
        ["dotnetVersion"] = build.DotnetVersion,
    };

    /// <summary>The process environment, sorted, with secret values redacted as in <c>--dump-config</c>.</summary>
    private static JsonObject EnvironmentNode()
    {
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            var value = entry.Value as string ?? "";
            variables[name] = ConfigurationDump.IsSecretKey(name) && value.Length > 0 ? ConfigurationDump.Redacted : ConfigurationDump.RedactValue(value);
        }

        var node = new JsonObject();
        foreach (var (name, value) in variables)
        {
            node[name] = value;
        }

        return node;
    }
}
