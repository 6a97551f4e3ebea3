using Ego.Registry.Kubernetes.Internal.Models;

namespace Ego.Registry.Kubernetes.Internal;

/// <summary>One event of a watch: <c>ADDED</c>, <c>MODIFIED</c>, <c>DELETED</c>, <c>BOOKMARK</c> or <c>ERROR</c> (with its status).</summary>
internal readonly record struct WatchEvent(string Type, ResourceItem Item, string? ResourceVersion, ApiStatus? Status);
