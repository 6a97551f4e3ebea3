using System.Text.Json.Serialization;

namespace Ego.Registry.Kubernetes.Internal.Models;

/// <summary>The answer of a list of EndpointSlices; <c>metadata.resourceVersion</c> is where a watch starts.</summary>
internal sealed class EndpointSliceList
{
    [JsonPropertyName("metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("items")]
    public List<EndpointSlice>? Items { get; set; }
}
