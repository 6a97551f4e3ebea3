using System.Text.Json.Serialization;

namespace Ego.Registry.Kubernetes.Internal.Models;

/// <summary><c>discovery.k8s.io/v1</c> EndpointSlice: a share of a Service's endpoints.</summary>
internal sealed class EndpointSlice
{
    [JsonPropertyName("metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("addressType")]
    public string? AddressType { get; set; }

    [JsonPropertyName("endpoints")]
    public List<SliceEndpoint>? Endpoints { get; set; }

    [JsonPropertyName("ports")]
    public List<EndpointPort>? Ports { get; set; }
}
