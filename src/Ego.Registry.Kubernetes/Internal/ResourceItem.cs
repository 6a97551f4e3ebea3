using Ego.Discovery;

namespace Ego.Registry.Kubernetes.Internal;

/// <summary>One EndpointSlice or Endpoints object, reduced to its name and the ready endpoints on the target's port.</summary>
internal readonly record struct ResourceItem(string Name, IReadOnlyList<ServiceEndpoint> Endpoints);
