using Ego.Components;
using Ego.FailFast;
using Ego.Grpc;
using Ego.Hosting;
using Ego.Resilience.LoadShedding;
using Ego.Resilience.Server;
using Ego.Resilience.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Resilience.Tests.Server;

public sealed class ServerResilienceExtensionsTests
{
    [Fact]
    public async Task AddResilience_GrpcServerFromConfig_LimitsByItsRulesAndShowsThemToTheGovernor()
    {
        using var rules = new TempFile("ratelimit.toml", $"[rules.\"{GovernedGrpc.Get.FullName}\"]\ntype = \"concurrency\"\npermits = 1\n");
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = EgoApplication.CreateBuilder(
            ["--server.grpc.host=127.0.0.1", "--server.grpc.port=0", "--server.grpc.rateLimitRules=" + rules.Path, "--server.grpc.sheddingCpuThreshold=800", "--watch=false"],
            new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(rules.Directory, "logs") });
        builder.Services.AddSingleton<ICpuUsageSource>(new ScriptedCpu());
        builder.Services.AddEgoGrpcServer().AddResilience().Configure((server, _) => server.AddService(ServerServiceDefinition.CreateBuilder()
            .AddMethod(GovernedGrpc.Get, async (request, _) =>
            {
                entered.TrySetResult();
                await release.Task;
                return request;
            })
            .Build()));
        await using var app = builder.Build();
        await app.StartAsync();
        var address = app.Services.GetRequiredKeyedService<GrpcServer>("server.grpc").Addresses[0];
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["grpc:test:addr"] = address, ["grpc:test:readTimeout"] = "30s" }).Build();
        using var client = GrpcClient.Load(config, "grpc.test").Build();

        var first = client.CallInvoker.AsyncUnaryCall(GovernedGrpc.Get, null, new CallOptions(), "first").ResponseAsync;
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<RpcException>(() => client.CallInvoker.AsyncUnaryCall(GovernedGrpc.Get, null, new CallOptions(), "second").ResponseAsync);
        release.SetResult();
        Assert.Equal("first", await first.WaitAsync(TimeSpan.FromSeconds(30)));
        var stats = Assert.Single(app.Services.GetServices<IGovernorStats>(), s => s.Name == "server.grpc.resilience").Snapshot();
        await app.StopAsync();

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("concurrency permits=1", stats["rateLimit"]!["rules"]![GovernedGrpc.Get.FullName]!.GetValue<string>());
        Assert.Equal(800, stats["shedding"]!["cpuThreshold"]!.GetValue<int>());
    }

    [Fact]
    public async Task AddResilience_InvalidKeys_FailFastNamingEveryKey()
    {
        var builder = EgoApplication.CreateBuilder(
            ["--server.grpc.port=0", "--server.grpc.sheddingCpuThreshold=1500", "--server.grpc.maxConcurrentCalls=-1", "--watch=false"],
            new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") });
        builder.Services.AddEgoGrpcServer().AddResilience();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<EgoStartupException>(() => app.StartAsync());

        Assert.Equal("invalid config", error.Message);
        Assert.Contains("server.grpc.sheddingCpuThreshold: 1500 is out of range", error.Error);
        Assert.Contains("server.grpc.maxConcurrentCalls: -1 is negative", error.Error);
    }
}
