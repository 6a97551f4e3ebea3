using Microsoft.Extensions.Logging;

namespace Ego.Registry.Kubernetes.Internal;

internal static partial class KubernetesLog
{
    [LoggerMessage(1, LogLevel.Warning, "k8s resolver {Addr}: {Error}; keeping the last {Count} endpoints, retrying in {Delay}")]
    public static partial void RequestFailed(ILogger logger, string addr, string error, int count, TimeSpan delay);

    [LoggerMessage(2, LogLevel.Information, "k8s resolver {Addr}: the API does not serve discovery.k8s.io/v1 EndpointSlices; following v1 Endpoints")]
    public static partial void FallingBackToEndpoints(ILogger logger, string addr);

    [LoggerMessage(3, LogLevel.Debug, "k8s resolver {Addr}: resource version {ResourceVersion} expired (410); listing again")]
    public static partial void ResourceVersionExpired(ILogger logger, string addr, string? resourceVersion);

    [LoggerMessage(4, LogLevel.Information, "k8s resolver {Addr}: {Count} endpoints from {Source}")]
    public static partial void EndpointsChanged(ILogger logger, string addr, int count, EndpointSource source);
}
