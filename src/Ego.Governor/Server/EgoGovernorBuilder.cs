using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Server;

/// <summary>Adds routes of your own to the governor (<see cref="GovernorServiceCollectionExtensions.AddEgoGovernor"/>).</summary>
public sealed class EgoGovernorBuilder
{
    private readonly List<Action<IEndpointRouteBuilder>> routes = [];

    internal EgoGovernorBuilder(IServiceCollection services, string key)
    {
        Services = services;
        Key = key;
    }

    public IServiceCollection Services { get; }

    /// <summary>The config key of the governor.</summary>
    public string Key { get; }

    internal IReadOnlyList<Action<IEndpointRouteBuilder>> Routes => routes;

    /// <summary>
    /// Maps routes on the governor's port only, as on any ASP.NET Core endpoint builder:
    /// <c>governor.MapRoutes(r =&gt; r.MapGet("/cache/stats", (Cache c) =&gt; c.Stats()))</c>.
    /// </summary>
    public EgoGovernorBuilder MapRoutes(Action<IEndpointRouteBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        routes.Add(configure);
        return this;
    }
}
