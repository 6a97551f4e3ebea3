using Ego.Discovery;

namespace Ego.Registry.Etcd.Tests;

public sealed class EtcdServiceKeyTests
{
    [Fact]
    public void Format_GrpcServer_EgoLayout()
    {
        var key = EtcdServiceKey.Format("ego", "orders", "grpc", new ServiceEndpoint("10.0.0.7", 9002));

        Assert.Equal("/ego/orders/providers/grpc://10.0.0.7:9002", key);
    }

    [Theory]
    [InlineData("10.0.0.7", 9002)]
    [InlineData("::1", 9003)]
    public void TryParse_FormattedKey_SameSchemeAndEndpoint(string host, int port)
    {
        var key = EtcdServiceKey.Format("ego", "orders", "http", new ServiceEndpoint(host, port));

        Assert.True(EtcdServiceKey.TryParse(key, EtcdServiceKey.AppPrefix("ego", "orders"), out var scheme, out var endpoint));
        Assert.Equal("http", scheme);
        Assert.Equal(new ServiceEndpoint(host, port), endpoint);
    }

    [Theory]
    [InlineData("/ego/orders/providers/grpc://10.0.0.7")]
    [InlineData("/ego/orders/providers/10.0.0.7:9002")]
    [InlineData("/ego/payments/providers/grpc://10.0.0.7:9002")]
    [InlineData("/ego/orders/providers/grpc://10.0.0.7:70000")]
    public void TryParse_OtherLayout_False(string key)
    {
        Assert.False(EtcdServiceKey.TryParse(key, EtcdServiceKey.AppPrefix("ego", "orders"), out _, out _));
    }
}
