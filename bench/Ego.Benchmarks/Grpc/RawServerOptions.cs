using Ego.Grpc;

namespace Ego.Benchmarks.Grpc;

/// <summary>The server as the load benchmarks run it: loopback, a free port, the observability interceptors off.</summary>
internal static class RawServerOptions
{
    public static GrpcServerOptions Create() => new()
    {
        Host = "127.0.0.1",
        Port = 0,
        EnableTraceInterceptor = false,
        EnableAccessInterceptor = false,
        EnableMetricInterceptor = false,
    };
}
