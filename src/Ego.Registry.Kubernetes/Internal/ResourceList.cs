namespace Ego.Registry.Kubernetes.Internal;

/// <summary>The answer of a list: every object and the resource version a watch continues from.</summary>
internal sealed record ResourceList(IReadOnlyList<ResourceItem> Items, string ResourceVersion);
