using System.Globalization;
using Ego.Discovery;
using Ego.Registry.Kubernetes.Internal;

namespace Ego.Registry.Kubernetes;

/// <summary>
/// What <c>k8s:///service.namespace:port</c> names: a Service, its namespace and a port, by number (the pods' port,
/// used as is) or by name (looked up in each EndpointSlice, so it follows the Service's <c>targetPort</c>).
/// </summary>
public sealed record KubernetesTarget(string Service, string Namespace, int? Port, string? PortName)
{
    /// <summary>Parses the endpoint of <paramref name="target"/>; <paramref name="defaultNamespace"/> applies to <c>service:port</c>.</summary>
    /// <exception cref="FormatException">The endpoint is not <c>service[.namespace]:port</c>; the message names the addr.</exception>
    public static KubernetesTarget Parse(ResolverTarget target, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(target);
        var expected = "expected k8s:///service.namespace:port or k8s:///service:port, the port a number or a port name, e.g. k8s:///orders.shop:grpc";
        var endpoint = target.Endpoint;
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || colon == endpoint.Length - 1)
        {
            throw new FormatException($"addr '{target.Original}' has no port: {expected}");
        }

        var host = endpoint[..colon];
        var portText = endpoint[(colon + 1)..];
        var parts = host.Split('.');
        var service = parts[0];
        var ns = parts.Length > 1 ? parts[1] : defaultNamespace;
        var suffix = string.Join('.', parts.Skip(2));
        if (!KubernetesNames.IsLabel(service) || !KubernetesNames.IsLabel(ns) || suffix is not ("" or "svc" or "svc.cluster.local"))
        {
            throw new FormatException($"addr '{target.Original}' does not name a service: '{host}' must be service or service.namespace (lower-case letters, digits, '-'); {expected}");
        }

        if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return port is > 0 and <= 65535
                ? new KubernetesTarget(service, ns, port, null)
                : throw new FormatException($"addr '{target.Original}' has port {portText}: expected 1-65535 or a port name");
        }

        return KubernetesNames.IsLabel(portText) && portText.Length <= 15
            ? new KubernetesTarget(service, ns, null, portText)
            : throw new FormatException($"addr '{target.Original}' has port '{portText}': expected 1-65535 or a port name (lower-case letters, digits, '-', at most 15)");
    }

    public override string ToString() => $"{Service}.{Namespace}:{(Port?.ToString(CultureInfo.InvariantCulture) ?? PortName)}";
}
