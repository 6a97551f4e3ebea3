using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ego.Registry.Kubernetes.Internal.Models;

/// <summary>One line of a watch stream; <see cref="Object"/> is read once <see cref="Type"/> says what it is.</summary>
internal sealed class WatchEventEnvelope
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("object")]
    public JsonElement Object { get; set; }
}
