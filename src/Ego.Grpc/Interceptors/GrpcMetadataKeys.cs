namespace Ego.Grpc.Interceptors;

/// <summary>Metadata keys EGO's interceptors send and read.</summary>
public static class GrpcMetadataKeys
{
    /// <summary>The calling application's name, sent by clients and logged by servers as <c>peerName</c>.</summary>
    public const string App = "app";

    /// <summary>The original client's IP when a proxy forwards the call.</summary>
    public const string ClientIp = "client-ip";
}
