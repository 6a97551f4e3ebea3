using System.Text.Json.Nodes;
using Ego.Components;
using Ego.Discovery;

namespace Ego.Http.Client.Internal;

/// <summary>What the governor's <c>/clients</c> page shows of an HTTP client: address, balancer and endpoints with their figures.</summary>
internal sealed class EgoHttpClientStats(EgoHttpClient client) : IGovernorStats
{
    public string Name => client.Name;

    public JsonObject Snapshot() => new()
    {
        ["type"] = "http",
        ["addr"] = client.Endpoints.Target.Original,
        ["balancer"] = client.Endpoints.Balancer.Name,
        ["endpoints"] = EndpointStats.Snapshot(client.Endpoints),
    };
}
