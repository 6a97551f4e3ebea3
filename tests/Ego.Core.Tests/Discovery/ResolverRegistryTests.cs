using Ego.Discovery;

namespace Ego.Core.Tests.Discovery;

public sealed class ResolverRegistryTests
{
    [Fact]
    public async Task Create_StaticList_PublishesEveryEntryWithItsScheme()
    {
        await using var resolver = new ResolverRegistry().Create("10.0.0.1:9002, https://orders.example:443,[::1]:9003");

        var endpoints = await FirstAsync(resolver);

        Assert.Equal(["10.0.0.1:9002", "orders.example:443", "[::1]:9003"], endpoints.Select(e => e.Address));
        Assert.Equal(new Uri("https://orders.example:443"), ServiceEndpointSchemes.BaseUri(endpoints[1]));
        Assert.Equal(new Uri("http://10.0.0.1:9002"), ServiceEndpointSchemes.BaseUri(endpoints[0]));
    }

    [Fact]
    public void Create_EntryWithoutPort_ThrowsNamingTheEntry()
    {
        var error = Assert.Throws<FormatException>(() => new ResolverRegistry().Create("10.0.0.1:9002,orders"));

        Assert.Contains("'orders' is not an address: expected host:port", error.Message);
    }

    [Fact]
    public void Create_UnknownScheme_ThrowsListingTheKnownSchemes()
    {
        var registry = new ResolverRegistry([new StubResolverFactory("k8s")]);

        var error = Assert.Throws<FormatException>(() => registry.Create("etcd:///orders"));

        Assert.Contains("unknown resolver scheme 'etcd'", error.Message);
        Assert.Contains("known schemes are dns, k8s, static", error.Message);
    }

    [Fact]
    public void Create_RegisteredScheme_UsesItsFactory()
    {
        var factory = new StubResolverFactory("etcd");

        var resolver = new ResolverRegistry([factory]).Create("etcd:///orders");

        Assert.Equal("orders", Assert.Single(factory.Created).Endpoint);
        Assert.Equal("etcd", resolver.Target.Scheme);
    }

    [Fact]
    public void Create_DnsWithoutPort_ThrowsWithTheExpectedForm()
    {
        var error = Assert.Throws<FormatException>(() => new ResolverRegistry().Create("dns:///orders"));

        Assert.Contains("expected dns:///host:port", error.Message);
    }

    private static async Task<IReadOnlyList<ServiceEndpoint>> FirstAsync(IServiceResolver resolver)
    {
        using var cancellation = new CancellationTokenSource();
        await foreach (var set in resolver.WatchAsync(cancellation.Token))
        {
            return set;
        }

        throw new InvalidOperationException("the resolver published nothing");
    }
}
