using Ego.Governor.Server;
using Ego.Governor.Tracing;
using Ego.Hosting;

namespace Ego.Grpc.Bench;

/// <summary>
/// <c>app --config=FILE [--key=value ...]</c>: the Echo service as a complete Ego application (gRPC server from
/// <c>server.grpc</c>, governor with the metrics collector, OTLP tracing from <c>trace</c>), so a config file decides
/// which observability interceptors run and the load test measures what they cost.
/// </summary>
internal static class AppCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = EgoApplication.CreateBuilder(args);
        builder.Services.AddEgoGrpcServer("server.grpc").AddService<EchoService>();
        builder.Services.AddEgoGovernor();
        builder.AddEgoTracing();
        var app = builder.Build();
        return await app.RunAsync();
    }
}
