using System.Text.Json.Serialization;

namespace Ego.Registry.Kubernetes.Internal.Models;

/// <summary>An endpoint's conditions; a missing <c>ready</c> means ready, as the API documents.</summary>
internal sealed class SliceEndpointConditions
{
    [JsonPropertyName("ready")]
    public bool? Ready { get; set; }

    [JsonPropertyName("serving")]
    public bool? Serving { get; set; }

    [JsonPropertyName("terminating")]
    public bool? Terminating { get; set; }
}
