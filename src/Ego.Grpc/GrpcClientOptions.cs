using Ego.Components;
using Ego.Discovery;
using Ego.Grpc.Compression;
using Ego.Observability;

namespace Ego.Grpc;

/// <summary>Options of <see cref="GrpcClient"/>, bound from <c>grpc.&lt;name&gt;</c> (EGO's keys).</summary>
public sealed class GrpcClientOptions : IComponentOptions, IAccessLogOptions
{
    /// <summary>
    /// Server address: <c>host:port</c>, <c>http(s)://host:port</c>, a comma-separated list of them, <c>dns:///host:port</c>,
    /// or a registry's scheme (<c>k8s:///name.namespace:port</c>, <c>etcd:///name</c>).
    /// </summary>
    public string Addr { get; set; } = "";

    /// <summary>How calls are spread over the endpoints: <c>round_robin</c>, <c>p2c_ewma</c> or <c>pick_first</c> (EGO's key).</summary>
    public string BalancerName { get; set; } = Balancers.RoundRobin;

    /// <summary>How often a <c>dns:///</c> address is looked up again (also soon after a connection fails).</summary>
    public TimeSpan DnsRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long connecting may take, at start (<see cref="EnableBlock"/>) and for every new connection.</summary>
    public TimeSpan DialTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Timeout of unary calls made without a deadline, as EGO applies it; 0 for none.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>What a failed dial at start does: <c>panic</c> (fail start-up) or <c>error</c> (log and continue).</summary>
    public string OnFail { get; set; } = "panic";

    /// <summary>Dial when built, so an unreachable server is found at start.</summary>
    public bool EnableBlock { get; set; } = true;

    /// <summary>Largest response message accepted, in bytes (grpc-go: 4 MiB).</summary>
    public int MaxRecvMsgSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest request message sent, in bytes (grpc-go: unlimited).</summary>
    public int MaxSendMsgSize { get; set; } = int.MaxValue;

    /// <summary>Encoding of requests: empty/identity, gzip or deflate.</summary>
    public string Compression { get; set; } = "";

    /// <summary>HTTP/2 keepalive pings.</summary>
    public GrpcClientKeepaliveOptions KeepAlive { get; set; } = new();

    /// <summary>Writes an access line for every call; errors and slow calls are written regardless.</summary>
    public bool EnableAccessInterceptor { get; set; }

    /// <summary>Adds the request as <c>req</c> to access lines.</summary>
    public bool EnableAccessInterceptorReq { get; set; }

    /// <summary>Adds the response as <c>res</c> to access lines.</summary>
    public bool EnableAccessInterceptorRes { get; set; }

    /// <summary>Characters of <c>req</c> kept.</summary>
    public int AccessInterceptorReqMaxLength { get; set; } = 4096;

    /// <summary>Characters of <c>res</c> kept.</summary>
    public int AccessInterceptorResMaxLength { get; set; } = 4096;

    /// <summary>Calls longer than this are logged as <c>slow</c> (warning); zero turns it off (EGO: 600ms).</summary>
    public TimeSpan SlowLogThreshold { get; set; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Records the <c>ego_client_*</c> metrics.</summary>
    public bool EnableMetricInterceptor { get; set; } = true;

    /// <summary>Sends the application name as the <c>app</c> metadata, which servers log as <c>peerName</c>.</summary>
    public bool EnableAppNameInterceptor { get; set; } = true;

    /// <summary>Trace every call (client span, <c>traceparent</c> injection); EGO's key.</summary>
    public bool EnableTraceInterceptor { get; set; } = true;

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        Interceptors.Internal.ObservabilityOptionChecks.Check(errors, AccessInterceptorReqMaxLength, AccessInterceptorResMaxLength, SlowLogThreshold);
        if (string.IsNullOrWhiteSpace(Addr))
        {
            errors.Add(new("addr", "is empty: expected host:port, e.g. \"127.0.0.1:9002\", or scheme:///target, e.g. \"dns:///orders:9002\""));
        }

        if (!Balancers.IsKnown(BalancerName))
        {
            errors.Add(new("balancerName", $"'{BalancerName}' is not supported: expected {string.Join(", ", Balancers.Names)}"));
        }

        if (DnsRefreshInterval <= TimeSpan.Zero)
        {
            errors.Add(new("dnsRefreshInterval", $"{DnsRefreshInterval} must be positive, e.g. \"30s\""));
        }

        if (DialTimeout <= TimeSpan.Zero)
        {
            errors.Add(new("dialTimeout", $"{DialTimeout} must be positive, e.g. \"3s\""));
        }

        if (ReadTimeout < TimeSpan.Zero)
        {
            errors.Add(new("readTimeout", $"{ReadTimeout} is negative: expected a duration such as \"1s\" or 0 for none"));
        }

        if (OnFail is not ("panic" or "error"))
        {
            errors.Add(new("onFail", $"'{OnFail}' is not supported: expected panic or error"));
        }

        if (MaxRecvMsgSize <= 0)
        {
            errors.Add(new("maxRecvMsgSize", $"{MaxRecvMsgSize} must be positive"));
        }

        if (MaxSendMsgSize <= 0)
        {
            errors.Add(new("maxSendMsgSize", $"{MaxSendMsgSize} must be positive"));
        }

        if (!CompressionProviders.IsSupported(Compression))
        {
            errors.Add(new("compression", $"'{Compression}' is not supported: expected identity, gzip or deflate"));
        }

        if (KeepAlive.Time < TimeSpan.Zero || KeepAlive.Timeout <= TimeSpan.Zero)
        {
            errors.Add(new("keepAlive", "time must not be negative and timeout must be positive"));
        }
    }
}
