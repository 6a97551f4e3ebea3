using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Ego.Governor.Server.Internal;

/// <summary><c>/debug/runtime</c>: GC, heap, thread pool and process figures, read when asked.</summary>
internal static class RuntimeRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
        => routes.MapGet("/debug/runtime", context => GovernorJson.WriteAsync(context, Snapshot()));

    internal static JsonObject Snapshot()
    {
        var gc = GC.GetGCMemoryInfo();
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        ThreadPool.GetAvailableThreads(out var freeWorkers, out var freeIo);
        using var process = Process.GetCurrentProcess();
        return new JsonObject
        {
            ["runtime"] = new JsonObject
            {
                ["framework"] = RuntimeInformation.FrameworkDescription,
                ["os"] = RuntimeInformation.OSDescription,
                ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString(),
                ["processorCount"] = Environment.ProcessorCount,
                ["serverGc"] = GCSettings.IsServerGC,
                ["gcLatencyMode"] = GCSettings.LatencyMode.ToString(),
            },
            ["gc"] = new JsonObject
            {
                ["gen0Collections"] = GC.CollectionCount(0),
                ["gen1Collections"] = GC.CollectionCount(1),
                ["gen2Collections"] = GC.CollectionCount(2),
                ["heapSizeBytes"] = gc.HeapSizeBytes,
                ["fragmentedBytes"] = gc.FragmentedBytes,
                ["committedBytes"] = gc.TotalCommittedBytes,
                ["totalAvailableMemoryBytes"] = gc.TotalAvailableMemoryBytes,
                ["totalAllocatedBytes"] = GC.GetTotalAllocatedBytes(),
                ["pauseTimePercentage"] = gc.PauseTimePercentage,
                ["totalPauseSeconds"] = GC.GetTotalPauseDuration().TotalSeconds,
            },
            ["threadPool"] = new JsonObject
            {
                ["threadCount"] = ThreadPool.ThreadCount,
                ["pendingWorkItems"] = ThreadPool.PendingWorkItemCount,
                ["completedWorkItems"] = ThreadPool.CompletedWorkItemCount,
                ["minWorkerThreads"] = minWorkers,
                ["maxWorkerThreads"] = maxWorkers,
                ["busyWorkerThreads"] = maxWorkers - freeWorkers,
                ["minIoThreads"] = minIo,
                ["busyIoThreads"] = maxIo - freeIo,
                ["lockContentions"] = Monitor.LockContentionCount,
            },
            ["jit"] = new JsonObject
            {
                // Still growing under steady load means methods are still being tiered up: figures measured now are not
                // yet the service's steady state.
                ["compiledMethods"] = JitInfo.GetCompiledMethodCount(),
                ["compiledILBytes"] = JitInfo.GetCompiledILBytes(),
                ["compilationSeconds"] = JitInfo.GetCompilationTime().TotalSeconds,
            },
            ["process"] = new JsonObject
            {
                ["pid"] = Environment.ProcessId,
                ["startTime"] = process.StartTime.ToUniversalTime().ToString("O"),
                ["uptimeSeconds"] = Math.Round((DateTime.Now - process.StartTime).TotalSeconds, 3),
                ["cpuSeconds"] = process.TotalProcessorTime.TotalSeconds,
                ["workingSetBytes"] = process.WorkingSet64,
                ["privateMemoryBytes"] = process.PrivateMemorySize64,
                ["threads"] = process.Threads.Count,
                ["handles"] = process.HandleCount,
            },
        };
    }
}
