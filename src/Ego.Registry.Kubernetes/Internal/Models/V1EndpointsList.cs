using System.Text.Json.Serialization;

namespace Ego.Registry.Kubernetes.Internal.Models;

/// <summary>The answer of a list of v1 Endpoints.</summary>
internal sealed class V1EndpointsList
{
    [JsonPropertyName("metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("items")]
    public List<V1Endpoints>? Items { get; set; }
}
