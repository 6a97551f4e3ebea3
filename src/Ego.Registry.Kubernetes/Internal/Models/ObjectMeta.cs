using System.Text.Json.Serialization;

namespace Ego.Registry.Kubernetes.Internal.Models;

/// <summary>The part of an object's or a list's <c>metadata</c> the resolver reads.</summary>
internal sealed class ObjectMeta
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    [JsonPropertyName("resourceVersion")]
    public string? ResourceVersion { get; set; }
}
