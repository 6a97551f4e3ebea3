using Ego.Components;
using Ego.Grpc.Compression;
using Ego.Observability;

namespace Ego.Grpc;

/// <summary>Options of <see cref="GrpcServer"/>, bound from <c>server.grpc</c> (EGO's keys).</summary>
public sealed class GrpcServerOptions : IComponentOptions, IAccessLogOptions
{
    /// <summary>Address to bind; empty for the application's host (<c>--host</c>/<c>EGO_HOST</c>, 0.0.0.0 by default). A socket path when <see cref="Network"/> is unix.</summary>
    public string Host { get; set; } = "";

    /// <summary>Port to bind; 0 picks a free port (see <see cref="GrpcServer.Addresses"/>).</summary>
    public int Port { get; set; } = 9002;

    /// <summary>tcp, tcp4, tcp6 or unix.</summary>
    public string Network { get; set; } = "tcp4";

    /// <summary>Largest request message accepted, in bytes (grpc-go: 4 MiB).</summary>
    public int MaxRecvMsgSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent, in bytes (grpc-go: unlimited, int.MaxValue).</summary>
    public int MaxSendMsgSize { get; set; } = int.MaxValue;

    /// <summary>Concurrent calls per HTTP/2 connection (SETTINGS_MAX_CONCURRENT_STREAMS).</summary>
    public int MaxConcurrentStreams { get; set; } = 100;

    /// <summary>Interval of keepalive pings on idle connections; zero disables them (grpc-go: 2h).</summary>
    public TimeSpan KeepaliveTime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long to wait for a ping acknowledgement before closing the connection (grpc-go: 20s).</summary>
    public TimeSpan KeepaliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Closes connections idle for this long; zero never does (grpc-go's MaxConnectionIdle).</summary>
    public TimeSpan MaxConnectionIdle { get; set; } = TimeSpan.Zero;

    /// <summary>Encoding of responses when the client accepts it: empty/identity, gzip or deflate.</summary>
    public string ResponseCompression { get; set; } = "";

    /// <summary>PEM certificate (or PKCS#12 file when <see cref="KeyFile"/> is empty); enables TLS.</summary>
    public string CertFile { get; set; } = "";

    /// <summary>PEM private key of <see cref="CertFile"/>.</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>Writes an access line for every call; errors and slow calls are written regardless.</summary>
    public bool EnableAccessInterceptor { get; set; } = true;

    /// <summary>Adds the request as <c>req</c> to access lines.</summary>
    public bool EnableAccessInterceptorReq { get; set; }

    /// <summary>Adds the response as <c>res</c> to access lines.</summary>
    public bool EnableAccessInterceptorRes { get; set; }

    /// <summary>Characters of <c>req</c> kept (EGO: 4 KiB).</summary>
    public int AccessInterceptorReqMaxLength { get; set; } = 4096;

    /// <summary>Characters of <c>res</c> kept (EGO: 4 KiB).</summary>
    public int AccessInterceptorResMaxLength { get; set; } = 4096;

    /// <summary>Calls longer than this are logged as <c>slow</c> (warning); zero turns it off.</summary>
    public TimeSpan SlowLogThreshold { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Records the <c>ego_server_*</c> metrics.</summary>
    public bool EnableMetricInterceptor { get; set; } = true;

    /// <summary>Leaves successful health checks out of the access log.</summary>
    public bool EnableSkipHealthLog { get; set; } = true;

    /// <summary>Trace every call (server span, <c>traceparent</c> extraction, trace id response header); EGO's key.</summary>
    public bool EnableTraceInterceptor { get; set; } = true;

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        Interceptors.Internal.ObservabilityOptionChecks.Check(errors, AccessInterceptorReqMaxLength, AccessInterceptorResMaxLength, SlowLogThreshold);
        if (Port is < 0 or > 65535)
        {
            errors.Add(new("port", $"{Port} is out of range: expected 0-65535"));
        }

        if (Network is not ("tcp" or "tcp4" or "tcp6" or "unix"))
        {
            errors.Add(new("network", $"'{Network}' is not supported: expected tcp, tcp4, tcp6 or unix"));
        }

        if (Network == "unix" && string.IsNullOrEmpty(Host))
        {
            errors.Add(new("host", "is empty: expected a socket path when network is unix"));
        }

        Positive(errors, "maxRecvMsgSize", MaxRecvMsgSize);
        Positive(errors, "maxSendMsgSize", MaxSendMsgSize);
        Positive(errors, "maxConcurrentStreams", MaxConcurrentStreams);
        if (KeepaliveTime < TimeSpan.Zero)
        {
            errors.Add(new("keepaliveTime", $"{KeepaliveTime} is negative: expected a duration such as \"2h\" or 0 to disable"));
        }

        if (KeepaliveTimeout <= TimeSpan.Zero)
        {
            errors.Add(new("keepaliveTimeout", $"{KeepaliveTimeout} must be positive, e.g. \"20s\""));
        }

        if (MaxConnectionIdle < TimeSpan.Zero)
        {
            errors.Add(new("maxConnectionIdle", $"{MaxConnectionIdle} is negative: expected a duration or 0 for never"));
        }

        if (!CompressionProviders.IsSupported(ResponseCompression))
        {
            errors.Add(new("responseCompression", $"'{ResponseCompression}' is not supported: expected identity, gzip or deflate"));
        }

        if (CertFile.Length > 0 && !File.Exists(CertFile))
        {
            errors.Add(new("certFile", $"'{CertFile}' does not exist"));
        }

        if (KeyFile.Length > 0 && (CertFile.Length == 0 || !File.Exists(KeyFile)))
        {
            errors.Add(new("keyFile", CertFile.Length == 0 ? "is set without certFile" : $"'{KeyFile}' does not exist"));
        }
    }

    private static void Positive(ICollection<ComponentOptionError> errors, string key, int value)
    {
        if (value <= 0)
        {
            errors.Add(new(key, $"{value} must be positive"));
        }
    }
}
