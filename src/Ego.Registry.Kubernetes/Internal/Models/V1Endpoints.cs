using System.Text.Json.Serialization;

namespace Ego.Registry.Kubernetes.Internal.Models;

/// <summary><c>v1</c> Endpoints: every address of a Service, grouped in subsets sharing ports.</summary>
internal sealed class V1Endpoints
{
    [JsonPropertyName("metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("subsets")]
    public List<EndpointSubset>? Subsets { get; set; }
}
