using Ego.Components;
using Ego.Grpc.Tests.Support;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Grpc.Tests;

public sealed class GrpcClientStatsTests
{
    [Fact]
    public async Task AddEgoGrpcClient_RegistersGovernorStatsWithTheTargets()
    {
        await using var server = await TestServer.StartAsync(b => b.AddService(new GreeterImpl(new Counter())));
        var builder = EgoApplication.CreateBuilder([$"--grpc.user.addr={server.Address}"], new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") });
        builder.Services.AddEgoGrpcClient("grpc.user");
        await using var app = builder.Build();
        await app.StartAsync();

        var stats = Assert.Single(app.Services.GetServices<IGovernorStats>());
        var snapshot = stats.Snapshot();
        await app.StopAsync();

        Assert.Equal("grpc.user", stats.Name);
        Assert.Equal("grpc", (string?)snapshot["type"]);
        Assert.Contains(server.Address, (string?)snapshot["targets"]![0]);
    }

    [Fact]
    public async Task Snapshot_AfterCalls_CountsStartedInFlightAndFailed()
    {
        await using var server = await TestServer.StartAsync(b => b.AddService(new GreeterImpl(new Counter())));
        var builder = EgoApplication.CreateBuilder([$"--grpc.user.addr={server.Address}"], new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") });
        builder.Services.AddEgoGrpcClient("grpc.user");
        await using var app = builder.Build();
        await app.StartAsync();
        var client = app.Services.GetRequiredKeyedService<GrpcClient>("grpc.user");

        await client.CreateClient<Greeter.GreeterClient>().SayHello("a");
        await client.CreateClient<Greeter.GreeterClient>().SayHello("b");
        // No such service on the server: UNIMPLEMENTED, a failed call.
        await Assert.ThrowsAsync<RpcException>(() => client.CallInvoker.AsyncUnaryCall(TestMethods.Unary, null, default, "x").ResponseAsync);

        var calls = Assert.Single(app.Services.GetServices<IGovernorStats>()).Snapshot()["calls"]!;
        await app.StopAsync();

        Assert.Equal(3, (long)calls["started"]!);
        Assert.Equal(0, (long)calls["inFlight"]!);
        Assert.Equal(1, (long)calls["failed"]!);
    }
}
