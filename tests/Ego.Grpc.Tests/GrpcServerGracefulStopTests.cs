using Ego.Grpc.Tests.Support;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Grpc.Tests;

/// <summary>Stopping an application while gRPC calls are in flight: they finish, later calls are refused.</summary>
public sealed class GrpcServerGracefulStopTests
{
    private const int InFlight = 100;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task StopAsync_HundredCallsInFlight_AllCompleteAndLaterCallsGetUnavailable()
    {
        var gate = new CallGate(InFlight);
        var builder = EgoApplication.CreateBuilder(
            ["--server.grpc.host=127.0.0.1", "--server.grpc.port=0", "--server.grpc.maxConcurrentStreams=1000", "--app.drainDelay=0s", "--app.stopTimeout=60s"],
            new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") });
        builder.Services.AddSingleton(gate);
        builder.Services.AddEgoGrpcServer().AddService<GatedGreeter>();
        await using var app = builder.Build();
        await app.StartAsync();
        var address = app.Services.GetRequiredKeyedService<GrpcServer>("server.grpc").Addresses[0];
        using var channel = GrpcChannel.ForAddress(address);
        var client = new Greeter.GreeterClient(channel);

        var calls = Enumerable.Range(0, InFlight).Select(i => client.SayHello("caller " + i).ResponseAsync).ToList();
        await gate.AllArrived.WaitAsync(Wait);
        var stopping = app.StopAsync();
        await app.Services.GetRequiredService<ApplicationLifecycle>().WhenReached(ApplicationStage.Stopping).WaitAsync(Wait);
        var sameConnection = await Assert.ThrowsAsync<RpcException>(() => client.SayHello("late").ResponseAsync.WaitAsync(Quick));
        using var freshChannel = GrpcChannel.ForAddress(address);
        var newConnection = await Assert.ThrowsAsync<RpcException>(() => new Greeter.GreeterClient(freshChannel).SayHello("late").ResponseAsync.WaitAsync(Quick));
        gate.Release();
        var responses = await Task.WhenAll(calls).WaitAsync(Wait);
        await stopping.WaitAsync(Wait);

        Assert.Equal(StatusCode.Unavailable, sameConnection.StatusCode);
        Assert.Equal(StatusCode.Unavailable, newConnection.StatusCode);
        Assert.Equal(Enumerable.Range(0, InFlight).Select(i => "hello caller " + i), responses);
    }

    [Fact]
    public async Task StopAsync_ServerStopping_NewCallGetsUnavailable()
    {
        var gate = new CallGate(1);
        await using var test = await TestServer.StartAsync(b => b.AddService(Greeter.BindService(new GatedGreeter(gate))));
        var client = new Greeter.GreeterClient(test.Invoker);
        var inFlight = client.SayHello("first").ResponseAsync;
        await gate.AllArrived.WaitAsync(Wait);

        var stopping = test.Server.StopAsync(new CancellationTokenSource(Wait).Token);
        var late = await Assert.ThrowsAsync<RpcException>(() => client.SayHello("late").ResponseAsync.WaitAsync(Quick));
        gate.Release();
        await stopping.WaitAsync(Wait);

        Assert.Equal(StatusCode.Unavailable, late.StatusCode);
        Assert.Equal("hello first", await inFlight);
    }
}
