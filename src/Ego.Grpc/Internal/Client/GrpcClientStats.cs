using System.Text.Json.Nodes;
using Ego.Components;

namespace Ego.Grpc.Internal.Client;

/// <summary>What the governor's <c>/clients</c> page shows of a gRPC client: its config key and the targets it dials.</summary>
internal sealed class GrpcClientStats(GrpcClient client) : IGovernorStats
{
    public string Name => client.Name;

    public JsonObject Snapshot() => new()
    {
        ["type"] = "grpc",
        ["targets"] = new JsonArray([.. client.Channel.Targets.Select(t => (JsonNode?)JsonValue.Create(t.ToString()))]),
    };
}
