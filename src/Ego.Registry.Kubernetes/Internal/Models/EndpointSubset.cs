using System.Text.Json.Serialization;

namespace Ego.Registry.Kubernetes.Internal.Models;

/// <summary>Addresses sharing the same ports; not-ready addresses are listed apart.</summary>
internal sealed class EndpointSubset
{
    [JsonPropertyName("addresses")]
    public List<EndpointAddress>? Addresses { get; set; }

    [JsonPropertyName("notReadyAddresses")]
    public List<EndpointAddress>? NotReadyAddresses { get; set; }

    [JsonPropertyName("ports")]
    public List<EndpointPort>? Ports { get; set; }
}
