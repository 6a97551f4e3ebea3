using Ego.Discovery;
using Ego.Registry.Kubernetes.Internal.Models;

namespace Ego.Registry.Kubernetes.Internal;

/// <summary>The ready endpoints of an object on the target's port: a port number is used as is, a port name looked up.</summary>
internal static class EndpointExtractor
{
    public static IReadOnlyList<ServiceEndpoint> FromSlice(EndpointSlice slice, KubernetesTarget target)
    {
        if (PortOf(slice.Ports, target) is not { } port || slice.Endpoints is null)
        {
            return [];
        }

        var endpoints = new List<ServiceEndpoint>();
        foreach (var endpoint in slice.Endpoints)
        {
            // The API documents a missing ready condition as ready.
            if (endpoint.Conditions?.Ready == false || endpoint.Addresses is null)
            {
                continue;
            }

            var attributes = Attributes(endpoint.TargetRef, endpoint.NodeName, endpoint.Zone, endpoint.Hostname);
            endpoints.AddRange(endpoint.Addresses.Where(a => a.Length > 0).Select(address => new ServiceEndpoint(address, port, attributes)));
        }

        return endpoints;
    }

    public static IReadOnlyList<ServiceEndpoint> FromEndpoints(V1Endpoints endpoints, KubernetesTarget target)
    {
        var result = new List<ServiceEndpoint>();
        foreach (var subset in endpoints.Subsets ?? [])
        {
            if (PortOf(subset.Ports, target) is not { } port)
            {
                continue;
            }

            foreach (var address in subset.Addresses ?? [])
            {
                if (!string.IsNullOrEmpty(address.Ip))
                {
                    result.Add(new ServiceEndpoint(address.Ip, port, Attributes(address.TargetRef, address.NodeName, null, address.Hostname)));
                }
            }
        }

        return result;
    }

    private static int? PortOf(List<EndpointPort>? ports, KubernetesTarget target)
    {
        if (target.Port is { } number)
        {
            return number;
        }

        return ports?.FirstOrDefault(p => string.Equals(p.Name, target.PortName, StringComparison.Ordinal))?.Port;
    }

    private static Dictionary<string, string> Attributes(ObjectReference? pod, string? node, string? zone, string? hostname)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(attributes, "pod", pod?.Kind == "Pod" ? pod.Name : null);
        Add(attributes, "node", node);
        Add(attributes, "zone", zone);
        Add(attributes, "hostname", hostname);
        return attributes;
    }

    private static void Add(Dictionary<string, string> attributes, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            attributes[key] = value;
        }
    }
}
