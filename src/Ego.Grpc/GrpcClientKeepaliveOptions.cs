namespace Ego.Grpc;

/// <summary>Client keepalive (grpc-go's keepalive.ClientParameters).</summary>
public sealed class GrpcClientKeepaliveOptions
{
    /// <summary>Interval of pings; 0 disables them.</summary>
    public TimeSpan Time { get; set; } = TimeSpan.Zero;

    /// <summary>How long to wait for an acknowledgement before dropping the connection.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Ping even without calls in flight.</summary>
    public bool PermitWithoutStream { get; set; }
}
