using Ego.Discovery;

namespace Ego.Registry.Etcd.Tests;

public sealed class EtcdResolverFactoryTests : IDisposable
{
    private readonly EtcdClient client = new(new EtcdOptions { Addrs = ["127.0.0.1:2379"] });
    private readonly EtcdResolverFactory factory;

    public EtcdResolverFactoryTests() => factory = new EtcdResolverFactory(client, new EtcdRegistryOptions());

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task Create_AppName_ResolverOfThatTarget()
    {
        await using var resolver = factory.Create(ResolverTarget.Parse("etcd:///orders"));

        Assert.Equal("etcd", factory.Scheme);
        Assert.Equal("etcd:///orders", resolver.Target.Original);
    }

    [Theory]
    [InlineData("etcd:///orders?scheme=ftp", "scheme=ftp")]
    [InlineData("etcd:///orders?zone=a", "zone=a")]
    [InlineData("etcd:///shop/orders", "etcd:///app-name")]
    public void Create_InvalidTarget_ThrowsNamingTheAddressAndWhatWasExpected(string address, string named)
    {
        var error = Assert.Throws<FormatException>(() => factory.Create(ResolverTarget.Parse(address)));

        Assert.Contains(address, error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ThroughResolverRegistry_EtcdSchemeKnown()
    {
        var registry = new ResolverRegistry([factory]);

        await using var resolver = registry.Create("etcd:///orders");

        Assert.Contains("etcd", registry.Schemes);
        Assert.IsType<EtcdResolver>(resolver);
    }
}
