using Ego.Grpc.Tracing;

namespace Ego.Grpc.Tests.Tracing;

public sealed class GrpcSpansTests
{
    [Theory]
    [InlineData("10.0.0.7:9002,10.0.0.8:9002", "10.0.0.7", 9002)]
    [InlineData("https://orders.example:8443", "orders.example", 8443)]
    [InlineData("dns:///orders.shop.svc:9002", "orders.shop.svc", 9002)]
    [InlineData("k8s:///orders.shop:9002", "orders.shop", 9002)]
    [InlineData("etcd:///orders", "orders", null)]
    public void ParseTarget_Addr_GivesTheHostAndPortCalled(string addr, string host, int? port)
    {
        Assert.Equal((host, port), GrpcSpans.ParseTarget(addr));
    }
}
