using Ego.Discovery;
using Ego.Registry.Kubernetes.Tests.Fakes;
using static Ego.Registry.Kubernetes.Tests.Fakes.FakeKubernetesApi;

namespace Ego.Registry.Kubernetes.Tests;

public sealed class KubernetesResolverFactoryTests
{
    [Fact]
    public async Task Create_ServiceWithoutNamespace_FollowsItInTheDefaultNamespace()
    {
        await using var harness = await ResolverHarness.StartAsync(o => o.Namespaces = ["shop"]);
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", [("grpc", 9002)], "10.0.0.1"));
        harness.Api.Put(Slices, "default", "orders", ApiObjects.Slice("orders-b", "orders", [("grpc", 9002)], "10.0.0.2"));

        var reader = harness.Watch("k8s:///orders:grpc");

        Assert.Equal(["10.0.0.1:9002"], await reader.NextAsync());
        Assert.Equal("k8s", harness.Factory.Scheme);
    }

    [Fact]
    public async Task Create_NamespaceNotConfigured_ThrowsNamingNamespaceAndAllowedOnes()
    {
        await using var harness = await ResolverHarness.StartAsync(o => o.Namespaces = ["shop", "pay"]);

        var error = Assert.Throws<FormatException>(() => harness.Factory.Create(ResolverTarget.Parse("k8s:///orders.admin:9002")));

        Assert.Equal("addr 'k8s:///orders.admin:9002' names namespace 'admin', which is not in k8s.namespaces [shop, pay]", error.Message);
    }

    [Fact]
    public async Task Create_OtherScheme_ThrowsNamingScheme()
    {
        await using var harness = await ResolverHarness.StartAsync();

        var error = Assert.Throws<FormatException>(() => harness.Factory.Create(ResolverTarget.Parse("dns:///orders:9002")));

        Assert.Contains("scheme 'dns'", error.Message);
    }
}
