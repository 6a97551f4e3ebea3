using System.Text.Json.Nodes;
using Ego.Components;

namespace Ego.Grpc.Internal.Client;

/// <summary>What the governor's <c>/clients</c> page shows of a gRPC client: its config key, the targets it dials and its calls.</summary>
internal sealed class GrpcClientStats(GrpcClient client) : IGovernorStats
{
    public string Name => client.Name;

    public JsonObject Snapshot() => new()
    {
        ["type"] = "grpc",
        ["targets"] = new JsonArray([.. client.Channel.Targets.Select(t => (JsonNode?)JsonValue.Create(t.ToString()))]),
        ["calls"] = new JsonObject
        {
            ["started"] = client.Channel.Calls.Started,
            ["inFlight"] = client.Channel.Calls.InFlight,
            ["failed"] = client.Channel.Calls.Failed,
        },
    };
}
