using Ego.Discovery;

namespace Ego.Registry.Kubernetes.Tests;

public sealed class KubernetesTargetTests
{
    [Theory]
    [InlineData("k8s:///orders.shop:9002", "orders", "shop", 9002, null)]
    [InlineData("k8s:///orders:9002", "orders", "pods-ns", 9002, null)]
    [InlineData("k8s:///orders.shop:grpc", "orders", "shop", null, "grpc")]
    [InlineData("k8s:///orders.shop.svc.cluster.local:grpc", "orders", "shop", null, "grpc")]
    public void Parse_ValidAddr_NamesServiceNamespaceAndPort(string addr, string service, string ns, int? port, string? portName)
    {
        var target = KubernetesTarget.Parse(ResolverTarget.Parse(addr), "pods-ns");

        Assert.Equal(new KubernetesTarget(service, ns, port, portName), target);
    }

    [Theory]
    [InlineData("k8s:///orders.shop", "has no port")]
    [InlineData("k8s:///orders.shop:", "has no port")]
    [InlineData("k8s:///Orders.shop:9002", "does not name a service")]
    [InlineData("k8s:///orders.shop.example.com:9002", "does not name a service")]
    [InlineData("k8s:///orders.shop:0", "has port 0")]
    [InlineData("k8s:///orders.shop:70000", "has port 70000")]
    [InlineData("k8s:///orders.shop:grpc_port", "has port 'grpc_port'")]
    public void Parse_BadAddr_ThrowsNamingAddrAndExpectedForm(string addr, string problem)
    {
        var error = Assert.Throws<FormatException>(() => KubernetesTarget.Parse(ResolverTarget.Parse(addr), "default"));

        Assert.Contains($"addr '{addr}' {problem}", error.Message);
        Assert.Contains("expected", error.Message);
    }
}
