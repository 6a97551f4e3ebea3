using System.Diagnostics;
using System.Text.Json.Nodes;
using Ego.Bench.Shared;
using Ego.Configuration;
using Ego.Grpc;
using Ego.Hosting;
using Ego.Resilience.LoadShedding;
using Ego.Resilience.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Resilience.Bench;

/// <summary>
/// <c>server --config=FILE [--key=value ...]</c>: an Ego application whose gRPC server (<c>server.grpc</c>, governance
/// from the same section) serves <c>/bench.Spin/Work</c>, which keeps the CPU busy for <c>bench.spin</c> (default 1ms)
/// per call after yielding once. <c>bench.fixedCpu</c> (per-mille) replaces the measured CPU figure.
/// </summary>
internal static class SpinServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = EgoApplication.CreateBuilder(args);
        var spin = Duration.Parse(builder.Configuration["bench:spin"] ?? "1ms");
        var work = new CpuWork(spin);
        Console.WriteLine($"handler work: {spin.TotalMicroseconds} us = {work.Iterations} iterations");
        if (builder.Configuration["bench:fixedCpu"] is { Length: > 0 } fixedCpu)
        {
            builder.Services.AddSingleton<ICpuUsageSource>(new FixedCpu(int.Parse(fixedCpu, System.Globalization.CultureInfo.InvariantCulture)));
        }

        var grpc = builder.Services.AddEgoGrpcServer("server.grpc");
        if (builder.Configuration.GetValue("bench:governance", true))
        {
            grpc.AddResilience();
        }

        grpc.Configure((server, _) => server.AddService(ServerServiceDefinition.CreateBuilder()
            .AddMethod(SpinMethod.Work, async (request, context) =>
            {
                // As most handlers: the computing starts after an await, so calls waiting for the CPU are in flight
                // (admitted, queued on the thread pool) rather than invisible in Kestrel's queue; and, as a handler
                // passing its token on would, a call its caller gave up on does not start computing.
                await Task.Yield();
                context.CancellationToken.ThrowIfCancellationRequested();
                work.Run();
                return request;
            })
            .Build()));
        var app = builder.Build();
        var cpu = app.Services.GetService<ICpuUsageSource>();
        var description = cpu is CgroupCpuUsageSource source ? $"{source.Source}, {source.Cores} cores" : cpu?.GetType().Name;
        _ = Task.Run(async () =>
        {
            // Once a second: the methods compiled so far (the scripts wait until it stops growing before measuring)
            // and, with governance, the figure the shedder decides on and its state, to read the run afterwards.
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync())
            {
                Console.WriteLine($"jit: {System.Runtime.JitInfo.GetCompiledMethodCount()}");
                if (cpu is null)
                {
                    continue;
                }

                Console.WriteLine($"cpu: {cpu.Usage} ({description}); thread pool: {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued");
                foreach (var stats in app.Services.GetServices<Ego.Components.IGovernorStats>())
                {
                    if (stats.Name.EndsWith(".resilience", StringComparison.Ordinal) && stats.Snapshot()["shedding"] is JsonObject shedder)
                    {
                        Console.WriteLine($"shedder: {shedder.ToJsonString()}");
                    }
                }
            }
        });

        return await app.RunAsync();
    }
}
