using Ego.Components;
using Ego.Grpc;
using Ego.Resilience.Client;
using Ego.Resilience.Tests.Client.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Resilience.Tests.Client;

public sealed class ClientResilienceExtensionsTests
{
    [Fact]
    public async Task AddEgoClientResilience_GrpcClientFromDi_IsGovernedByItsSectionAndShownOnTheGovernor()
    {
        var calls = 0;
        await using var server = await EchoServer.StartAsync((request, _) => Interlocked.Increment(ref calls) == 1
            ? throw new RpcException(new Status(StatusCode.Unavailable, "warming up"))
            : Task.FromResult(request));
        var config = EchoServer.Config(("grpc:user:addr", server.Address), ("grpc:user:retry:methods:0", "*"), ("grpc:user:retry:initialBackoff", "5ms"));
        var services = new ServiceCollection().AddSingleton<IConfiguration>(config);
        services.AddEgoClientResilience().AddEgoGrpcClient("grpc.user");
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<GrpcClient>("grpc.user");

        Assert.Equal("hi", await client.CallInvoker.AsyncUnaryCall(EchoMethods.Unary, null, new CallOptions(), "hi"));

        Assert.Equal(2, calls);
        var stats = Assert.Single(provider.GetServices<IGovernorStats>(), s => s.Name == "resilience");
        Assert.Equal("closed", (string?)stats.Snapshot()["grpc.user"]!["breakers"]!["/test.Echo/Unary"]!["state"]);
    }

    [Fact]
    public async Task AddEgoClientResilience_CalledTwice_AddsTheInterceptorOnce()
    {
        var calls = 0;
        await using var server = await EchoServer.StartAsync((request, _) =>
        {
            Interlocked.Increment(ref calls);
            throw new RpcException(new Status(StatusCode.Unavailable, "down"));
        });
        var config = EchoServer.Config(("grpc:user:addr", server.Address), ("grpc:user:retry:methods:0", "*"), ("grpc:user:retry:maxAttempts", "2"), ("grpc:user:retry:initialBackoff", "5ms"));
        var services = new ServiceCollection().AddSingleton<IConfiguration>(config);
        services.AddEgoClientResilience().AddEgoClientResilience().AddEgoGrpcClient("grpc.user");
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<GrpcClient>("grpc.user");

        await Assert.ThrowsAsync<RpcException>(async () => await client.CallInvoker.AsyncUnaryCall(EchoMethods.Unary, null, new CallOptions(), "hi"));

        Assert.Equal(2, calls);
    }
}
