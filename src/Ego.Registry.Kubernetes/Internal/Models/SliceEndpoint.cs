using System.Text.Json.Serialization;

namespace Ego.Registry.Kubernetes.Internal.Models;

/// <summary>One endpoint of an EndpointSlice: the addresses of one pod and whether it is ready.</summary>
internal sealed class SliceEndpoint
{
    [JsonPropertyName("addresses")]
    public List<string>? Addresses { get; set; }

    [JsonPropertyName("conditions")]
    public SliceEndpointConditions? Conditions { get; set; }

    [JsonPropertyName("hostname")]
    public string? Hostname { get; set; }

    [JsonPropertyName("nodeName")]
    public string? NodeName { get; set; }

    [JsonPropertyName("zone")]
    public string? Zone { get; set; }

    [JsonPropertyName("targetRef")]
    public ObjectReference? TargetRef { get; set; }
}
