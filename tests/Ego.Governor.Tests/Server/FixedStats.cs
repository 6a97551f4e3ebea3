using System.Text.Json.Nodes;
using Ego.Components;

namespace Ego.Governor.Tests.Server;

/// <summary>A component's stats as a test registers them: a name and figures that change between reads.</summary>
internal sealed class FixedStats(string name, string address) : IGovernorStats
{
    private int reads;

    public string Name => name;

    public JsonObject Snapshot() => new() { ["address"] = address, ["reads"] = Interlocked.Increment(ref reads) };
}
