using Ego.Components;
using Ego.Grpc;
using Ego.Grpc.Health;
using Ego.Grpc.Health.V1;
using Ego.Hosting;
using Ego.Registry.Kubernetes.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Ego.Registry.Kubernetes.Tests.Fakes.FakeKubernetesApi;
using ServingStatus = Ego.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Ego.Registry.Kubernetes.Tests;

/// <summary>A gRPC client whose addr is <c>k8s:///</c>, calling a real server found through the (fake) Kubernetes API.</summary>
public sealed class KubernetesGrpcClientTests
{
    [Fact]
    public async Task AddKubernetesDiscovery_GrpcClientWithK8sAddr_CallsThePodsOfTheService()
    {
        var registry = new HealthStatusRegistry();
        registry.Set("", ServingStatus.Serving);
        var config = new ConfigurationBuilder().AddInMemoryCollection([new("server:grpc:host", "127.0.0.1"), new("server:grpc:port", "0")]).Build();
        await using var server = GrpcServer.Load(config).AddHealth(registry).Build();
        await server.StartAsync(CancellationToken.None);
        var port = new Uri("http://" + server.Addresses[0]).Port;
        await using var api = await FakeKubernetesApi.StartAsync();
        api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", [("grpc", port)], "127.0.0.1", "127.0.0.2!"));

        var environment = new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") };
        var builder = EgoApplication.CreateBuilder(["--grpc.orders.addr=k8s:///orders.shop:grpc", $"--k8s.addr={api.Address}", $"--k8s.token={api.Token}"], environment);
        builder.AddKubernetesDiscovery();
        builder.Services.AddEgoGrpcClient<Health.HealthClient>("grpc.orders");
        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var response = await app.Services.GetRequiredService<Health.HealthClient>().CheckAsync(new HealthCheckRequest());

            Assert.Equal(ServingStatus.Serving, response.Status);
            var stats = app.Services.GetServices<IGovernorStats>().Single(s => s.Name == "k8s").Snapshot();
            var service = Assert.Single(stats["services"]!.AsArray())!;
            Assert.Equal(1, (int?)service["endpoints"]);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
