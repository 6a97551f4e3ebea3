using System.Text.Json.Nodes;
using Ego.Components;

namespace Ego.Registry.Kubernetes.Internal;

/// <summary>The governor's view of the <c>k8s</c> resolvers: the API used and, per watched Service, where its watch stands.</summary>
internal sealed class KubernetesDiscoveryStats(string key, KubernetesResolverFactory factory) : IGovernorStats
{
    public string Name => key;

    public JsonObject Snapshot()
    {
        var connection = factory.Connection;
        var services = new JsonArray();
        foreach (var resolver in factory.Resolvers())
        {
            var status = resolver.Status;
            services.Add(new JsonObject
            {
                ["addr"] = resolver.Target.Original,
                ["service"] = resolver.Service.Service,
                ["namespace"] = resolver.Service.Namespace,
                ["port"] = resolver.Service.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? resolver.Service.PortName,
                ["source"] = status.Source == EndpointSource.EndpointSlices ? "endpointslices" : "endpoints",
                ["resourceVersion"] = status.ResourceVersion,
                ["endpoints"] = status.Endpoints,
                ["lists"] = status.Lists,
                ["watches"] = status.Watches,
                ["lastError"] = status.LastError,
                ["lastErrorAt"] = status.LastErrorAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return new JsonObject
        {
            ["addr"] = connection.BaseAddress.ToString(),
            ["token"] = connection.Tokens.Origin,
            ["defaultNamespace"] = connection.DefaultNamespace,
            ["namespaces"] = new JsonArray([.. connection.Namespaces.Select(n => JsonValue.Create(n))]),
            ["services"] = services,
        };
    }
}
