namespace Ego.Grpc.Bench;

/// <summary>
/// The server as the benchmarks run it: the raw stack, with the access-log, metrics and trace interceptors off (their
/// cost is measured separately by bench/grpc/observability.sh); what stays is the always-on part that logs errors
/// and slow calls.
/// </summary>
public static class RawServerOptions
{
    public static GrpcServerOptions Create(string host = "127.0.0.1", int port = 0, int maxConcurrentStreams = 100) => new()
    {
        Host = host,
        Port = port,
        MaxConcurrentStreams = maxConcurrentStreams,
        EnableTraceInterceptor = false,
        EnableAccessInterceptor = false,
        EnableMetricInterceptor = false,
    };
}
