using System.Text.Json.Nodes;
using Ego.Components;
using Ego.Discovery;

namespace Ego.Grpc.Internal.Client;

/// <summary>
/// What the governor's <c>/clients</c> page shows of a gRPC client: its config key, address and balancer, the endpoints
/// it currently resolves with their state and figures, and its calls.
/// </summary>
internal sealed class GrpcClientStats(GrpcClient client) : IGovernorStats
{
    public string Name => client.Name;

    public JsonObject Snapshot()
    {
        var endpoints = client.Channel.Endpoints;
        return new()
        {
            ["type"] = "grpc",
            ["addr"] = endpoints.Target.Original,
            ["balancer"] = endpoints.Balancer.Name,
            ["targets"] = new JsonArray([.. client.Channel.Targets.Select(t => (JsonNode?)JsonValue.Create(t.ToString()))]),
            ["endpoints"] = EndpointStats.Snapshot(endpoints),
            ["calls"] = new JsonObject
            {
                ["started"] = client.Channel.Calls.Started,
                ["inFlight"] = client.Channel.Calls.InFlight,
                ["failed"] = client.Channel.Calls.Failed,
            },
        };
    }
}
