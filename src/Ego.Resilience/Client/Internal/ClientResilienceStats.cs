using System.Text.Json.Nodes;
using Ego.Components;

namespace Ego.Resilience.Client.Internal;

/// <summary>The governor's <c>/clients/resilience</c>: breaker states and retry budgets of every governed client.</summary>
internal sealed class ClientResilienceStats(ClientResilienceRegistry registry) : IGovernorStats
{
    public string Name => "resilience";

    public JsonObject Snapshot()
    {
        var node = new JsonObject();
        foreach (var client in registry.All.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            node[client.Name] = client.Snapshot();
        }

        return node;
    }
}
