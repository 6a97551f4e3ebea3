using Ego.Governor.Server;
using Ego.Governor.Tracing;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Grpc.Bench;

/// <summary>
/// <c>app --config=FILE [--key=value ...]</c>: the Echo service as a complete Ego application (gRPC server from
/// <c>server.grpc</c>, governor with the metrics collector, OTLP tracing from <c>trace</c>), so a config file decides
/// which observability interceptors run and the load test measures what they cost. <c>bench.handlerWork</c> (a
/// duration, default 0) keeps each Unary call busy on the CPU for that long, as a handler doing real work would.
/// </summary>
internal static class AppCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = EgoApplication.CreateBuilder(args);
        var handlerWork = builder.Configuration["bench:handlerWork"] is { Length: > 0 } work ? Configuration.Duration.Parse(work) : TimeSpan.Zero;
        var echo = new EchoService(handlerWork);
        Console.WriteLine($"handler work: {handlerWork.TotalMicroseconds} us = {echo.WorkIterations} iterations");
        builder.Services.AddSingleton(echo);
        builder.Services.AddEgoGrpcServer("server.grpc").AddService<EchoService>();
        builder.Services.AddEgoGovernor();
        builder.AddEgoTracing();
        var app = builder.Build();
        return await app.RunAsync();
    }
}
