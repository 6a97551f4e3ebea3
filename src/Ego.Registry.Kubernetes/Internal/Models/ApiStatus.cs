using System.Text.Json.Serialization;

namespace Ego.Registry.Kubernetes.Internal.Models;

/// <summary>A <c>v1 Status</c>: the body of an error answer and the object of a watch <c>ERROR</c> event.</summary>
internal sealed class ApiStatus
{
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    [JsonPropertyName("code")]
    public int? Code { get; set; }
}
