using System.Text.Json.Nodes;
using Ego.Components;
using Ego.Configuration;
using Ego.Resilience.Server.Internal;

namespace Ego.Resilience.Server;

/// <summary>The governor's view of a server's governance (<c>/clients</c>): limiter rules, shedder state, calls in flight.</summary>
public sealed class ServerResilienceStats : IGovernorStats
{
    private readonly ServerGovernance governance;

    internal ServerResilienceStats(ServerGovernance governance) => this.governance = governance;

    public string Name => governance.Name + ".resilience";

    public JsonObject Snapshot()
    {
        var snapshot = new JsonObject
        {
            ["type"] = governance.Type,
            ["rateLimit"] = Rules(),
            ["maxConcurrentCalls"] = governance.Gate?.Max ?? 0,
            ["inFlight"] = governance.Gate?.InFlight,
            ["timeout"] = Duration.Format(governance.Options.Timeout),
            ["methodTimeouts"] = new JsonObject(governance.Options.MethodTimeouts.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)Duration.Format(pair.Value)))),
            ["isolation"] = governance.Isolation,
        };
        if (governance.Shedder is { } shedder)
        {
            var state = shedder.State();
            snapshot["shedding"] = new JsonObject
            {
                ["cpuUsage"] = state.CpuUsage,
                ["cpuThreshold"] = state.CpuThreshold,
                ["flying"] = state.Flying,
                ["avgFlying"] = Math.Round(state.AverageFlying, 2),
                ["maxPass"] = state.MaxPass,
                ["minRtMs"] = state.MinRtMilliseconds,
                ["maxFlight"] = Math.Round(state.MaxFlight, 2),
                ["hot"] = state.Hot,
                ["dropped"] = state.Dropped,
            };
        }
        else
        {
            snapshot["shedding"] = "off";
        }

        return snapshot;
    }

    private JsonNode Rules()
    {
        if (governance.Rules is not { } watcher)
        {
            return "off";
        }

        var rules = new JsonObject();
        if (watcher.Rules.Default is { } fallback)
        {
            rules["default"] = fallback.ToString();
        }

        foreach (var (target, rule) in watcher.Rules.ByTarget.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            rules[target] = rule.ToString();
        }

        return new JsonObject { ["file"] = watcher.Path, ["rules"] = rules };
    }
}
