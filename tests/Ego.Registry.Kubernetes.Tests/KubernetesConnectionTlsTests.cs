using Ego.Registry.Kubernetes.Internal;
using Ego.Registry.Kubernetes.Tests.Fakes;
using static Ego.Registry.Kubernetes.Tests.Fakes.FakeKubernetesApi;

namespace Ego.Registry.Kubernetes.Tests;

/// <summary>The API server's certificate checked against <c>caFile</c>, the system roots, or not at all.</summary>
public sealed class KubernetesConnectionTlsTests
{
    [Fact]
    public async Task CreateHandler_CaFileSignedServerCertificate_ResolvesOverTls()
    {
        using var certificate = new TestCertificate();
        await using var harness = await ResolverHarness.StartAsync(o => o.CaFile = certificate.PemFile, certificate: certificate.Certificate);
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", [("grpc", 9002)], "10.0.0.1"));

        var reader = harness.Watch("k8s:///orders.shop:9002");

        Assert.Equal(["10.0.0.1:9002"], await reader.NextAsync());
        Assert.Equal("https", harness.Api.Address.Scheme);
    }

    [Fact]
    public async Task CreateHandler_InsecureSkipVerify_ResolvesOverTls()
    {
        using var certificate = new TestCertificate();
        await using var harness = await ResolverHarness.StartAsync(o => o.TlsClientConfigInsecure = true, certificate: certificate.Certificate);
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", [("grpc", 9002)], "10.0.0.1"));

        var reader = harness.Watch("k8s:///orders.shop:9002");

        Assert.Equal(["10.0.0.1:9002"], await reader.NextAsync());
    }

    [Fact]
    public async Task CreateHandler_UntrustedServerCertificate_ReportsTheFailureAndSendsNothing()
    {
        using var certificate = new TestCertificate();
        var time = new Ego.Tests.Shared.ManualTimeProvider(TimeSpan.FromSeconds(7));
        await using var harness = await ResolverHarness.StartAsync(o => o.BackoffMin = TimeSpan.FromSeconds(7), time, certificate.Certificate);

        var reader = harness.Watch("k8s:///orders.shop:9002");
        _ = reader.Pending();
        await time.Armed.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains("SSL", ((KubernetesResolver)reader.Resolver).Status.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(harness.Api.Requests());
    }
}
