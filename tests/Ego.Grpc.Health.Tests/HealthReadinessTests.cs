using Ego.Grpc.Health.V1;
using Ego.Hosting;
using Ego.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Ego.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Ego.Grpc.Health.Tests;

public sealed class HealthReadinessTests
{
    [Fact]
    public async Task AddHealth_ApplicationReadyThenStopping_ServingThenNotServing()
    {
        var builder = EgoApplication.CreateBuilder(
            ["--server.grpc.host=127.0.0.1", "--server.grpc.port=0"],
            new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") });
        builder.Services.AddEgoGrpcServer().AddHealth();
        await using var app = builder.Build();
        var registry = app.Services.GetRequiredService<HealthStatusRegistry>();

        await app.StartAsync();
        var server = app.Services.GetRequiredKeyedService<GrpcServer>("server.grpc");
        using var channel = GrpcChannel.ForAddress(server.Addresses[0]);
        var client = new V1.Health.HealthClient(channel.CreateCallInvoker());
        var whole = (await client.CheckAsync(new HealthCheckRequest())).Status;
        var healthService = (await client.CheckAsync(new HealthCheckRequest { Service = "grpc.health.v1.Health" })).Status;
        app.Services.GetRequiredService<ApplicationReadiness>().Set(false);
        var stopping = (await client.CheckAsync(new HealthCheckRequest())).Status;
        await app.StopAsync();

        Assert.Equal(ServingStatus.Serving, whole);
        Assert.Equal(ServingStatus.Serving, healthService);
        Assert.Equal(ServingStatus.NotServing, stopping);
        Assert.Equal(ServingStatus.NotServing, registry.Get("grpc.health.v1.Health"));
    }

    [Fact]
    public async Task AddHealth_DuringTheDrainDelay_NotServingWhileCallsAreStillServed()
    {
        var clock = new ManualTimeProvider(TimeSpan.FromSeconds(37));
        var builder = EgoApplication.CreateBuilder(
            ["--server.grpc.host=127.0.0.1", "--server.grpc.port=0", "--app.drainDelay=37s"],
            new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddEgoGrpcServer().AddHealth();
        await using var app = builder.Build();
        await app.StartAsync();
        var server = app.Services.GetRequiredKeyedService<GrpcServer>("server.grpc");
        using var channel = GrpcChannel.ForAddress(server.Addresses[0]);
        var client = new V1.Health.HealthClient(channel.CreateCallInvoker());
        var before = (await client.CheckAsync(new HealthCheckRequest())).Status;

        var stopping = app.StopAsync();
        await clock.Armed.WaitAsync(TimeSpan.FromSeconds(30));
        var draining = (await client.CheckAsync(new HealthCheckRequest())).Status;
        clock.Fire();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ServingStatus.Serving, before);
        Assert.Equal(ServingStatus.NotServing, draining);
    }
}
