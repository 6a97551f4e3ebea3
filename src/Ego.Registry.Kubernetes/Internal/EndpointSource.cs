namespace Ego.Registry.Kubernetes.Internal;

/// <summary>Which API the endpoints come from: EndpointSlices, or v1 Endpoints where the discovery group is not served.</summary>
internal enum EndpointSource
{
    EndpointSlices,
    Endpoints,
}
