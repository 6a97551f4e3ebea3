using System.Text.Json.Nodes;

namespace Ego.Components;

/// <summary>
/// Figures a component shows on the governor's <c>/clients</c> page (address, connection state, calls in flight...).
/// Register implementations in DI as <see cref="IGovernorStats"/> singletons.
/// </summary>
public interface IGovernorStats
{
    /// <summary>The component's config key, e.g. <c>grpc.user</c>.</summary>
    string Name { get; }

    /// <summary>A snapshot of the figures, taken when the page is read.</summary>
    JsonObject Snapshot();
}
