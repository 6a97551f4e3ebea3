using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ego.Governor.Server.Internal;

/// <summary>Marks the governor's endpoints, so listings of the service's HTTP routes can leave them out.</summary>
internal sealed class GovernorEndpoint
{
    public static readonly GovernorEndpoint Marker = new();

    public static bool IsGovernor(Endpoint endpoint) => endpoint.Metadata.GetMetadata<GovernorEndpoint>() is not null;

    public static IEnumerable<string> Patterns(IEnumerable<EndpointDataSource> sources)
        => sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
}
