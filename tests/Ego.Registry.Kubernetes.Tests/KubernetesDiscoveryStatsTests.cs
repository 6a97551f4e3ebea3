using Ego.Registry.Kubernetes.Internal;
using Ego.Registry.Kubernetes.Tests.Fakes;
using static Ego.Registry.Kubernetes.Tests.Fakes.FakeKubernetesApi;

namespace Ego.Registry.Kubernetes.Tests;

public sealed class KubernetesDiscoveryStatsTests
{
    [Fact]
    public async Task Snapshot_WatchedService_ShowsSourceVersionAndEndpointCount()
    {
        await using var harness = await ResolverHarness.StartAsync(o => o.Namespaces = ["shop"]);
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", [("grpc", 9002)], "10.0.0.1", "10.0.0.2"));
        var reader = harness.Watch("k8s:///orders.shop:grpc");
        await reader.NextAsync();
        var listed = harness.Api.Requests().First(r => !r.Watch);

        var snapshot = new KubernetesDiscoveryStats("k8s", harness.Factory).Snapshot();

        Assert.Equal(harness.Api.Address.ToString(), (string?)snapshot["addr"]);
        Assert.Equal("token", (string?)snapshot["token"]);
        var service = Assert.Single(snapshot["services"]!.AsArray())!;
        Assert.Equal("k8s:///orders.shop:grpc", (string?)service["addr"]);
        Assert.Equal("orders", (string?)service["service"]);
        Assert.Equal("shop", (string?)service["namespace"]);
        Assert.Equal("grpc", (string?)service["port"]);
        Assert.Equal("endpointslices", (string?)service["source"]);
        Assert.Equal(2, (int?)service["endpoints"]);
        Assert.NotNull((string?)service["resourceVersion"]);
        Assert.Null(service["lastError"]);
        Assert.Equal(200, listed.Status);
    }

    [Fact]
    public async Task Snapshot_ResolverDisposed_NoLongerListsIt()
    {
        await using var harness = await ResolverHarness.StartAsync();
        var reader = harness.Watch("k8s:///orders.shop:9002");
        await reader.Resolver.DisposeAsync();

        var snapshot = new KubernetesDiscoveryStats("k8s", harness.Factory).Snapshot();

        Assert.Empty(snapshot["services"]!.AsArray());
    }
}
