using Ego.Discovery;
using Microsoft.Extensions.Logging;

namespace Ego.Grpc;

/// <summary>Options of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>Largest response message accepted, in bytes (grpc-go: 4 MiB).</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest request message sent, in bytes (grpc-go: unlimited).</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>The timeout of unary calls made without a deadline (EGO's readTimeout); null for none. Streaming calls are not limited by it.</summary>
    public TimeSpan? DefaultTimeout { get; set; }

    /// <summary>How long establishing a connection may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Interval of HTTP/2 keepalive pings; <see cref="Timeout.InfiniteTimeSpan"/> disables them.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>How long to wait for a ping acknowledgement before dropping the connection.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Ping even without calls in flight (grpc-go's PermitWithoutStream).</summary>
    public bool KeepAlivePermitWithoutCalls { get; set; }

    /// <summary>First wait between connection attempts of wait-for-ready calls; doubles up to <see cref="MaxReconnectBackoff"/>.</summary>
    public TimeSpan InitialReconnectBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxReconnectBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Encoding of request messages of every call (gzip, deflate); null for identity. A call overrides it with the <c>grpc-internal-encoding-request</c> header.</summary>
    public string? RequestCompression { get; set; }

    /// <summary>A handler to use instead of the built-in <see cref="System.Net.Http.SocketsHttpHandler"/>; the channel does not dispose it.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Accept any server certificate over TLS (tests only).</summary>
    public bool SkipCertificateValidation { get; set; }

    /// <summary>How calls are spread over the endpoints: <c>round_robin</c>, <c>p2c_ewma</c> or <c>pick_first</c> (<see cref="Balancers"/>).</summary>
    public string BalancerName { get; set; } = Balancers.RoundRobin;

    /// <summary>The resolvers of the address's scheme; null for the built-in ones (static lists and <c>dns:///</c>).</summary>
    public ResolverRegistry? Resolvers { get; set; }

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock of deadlines.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
