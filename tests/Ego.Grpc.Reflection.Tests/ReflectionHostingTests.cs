using Ego.Grpc.Health;
using Ego.Grpc.Reflection.V1;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Grpc.Reflection.Tests;

public sealed class ReflectionHostingTests
{
    [Fact]
    public async Task AddReflection_HostedServer_DescribesEveryServiceWithoutRegistration()
    {
        var builder = EgoApplication.CreateBuilder(
            ["--server.grpc.host=127.0.0.1", "--server.grpc.port=0"],
            new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") });
        builder.Services.AddEgoGrpcServer().AddService<InventoryService>().AddHealth().AddReflection();
        await using var app = builder.Build();
        await app.StartAsync();
        var server = app.Services.GetRequiredKeyedService<GrpcServer>("server.grpc");
        using var channel = GrpcChannel.ForAddress(server.Addresses[0]);

        var responses = await ReflectionClient.AskAsync(
            channel.CreateCallInvoker(),
            new ServerReflectionRequest { ListServices = "" },
            new ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.Health.Watch" });
        await app.StopAsync();

        Assert.Equal(
            ["ego.inventory.v1.Inventory", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            responses[0].ListServicesResponse.Service.Select(s => s.Name));
        Assert.Equal(["grpc/health/v1/health.proto"], ReflectionClient.FileNames(responses[1]));
    }
}
