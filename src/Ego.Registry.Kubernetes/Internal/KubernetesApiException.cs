namespace Ego.Registry.Kubernetes.Internal;

/// <summary>The API answered with an error status, or a watch sent an <c>ERROR</c> event.</summary>
internal sealed class KubernetesApiException(int statusCode, string message) : Exception(message)
{
    /// <summary>The HTTP status, or the <c>code</c> of the error event's Status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>410 Gone: the resource version is too old; only a new list can continue.</summary>
    public bool IsGone => StatusCode == 410;
}
