using System.Diagnostics;
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

    [Fact]
    public void SetStatus_RecordedSpan_KeepsCodeAndError()
    {
        using var span = new Activity("test.Echo/Unary").Start();

        GrpcSpans.SetStatus(span, StatusCode.NotFound, "no such user");

        Assert.Equal(5, span.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal("NotFound", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public void SetStatus_SpanOnlyPropagated_KeepsNothing()
    {
        using var span = new Activity("test.Echo/Unary") { IsAllDataRequested = false }.Start();

        GrpcSpans.SetStatus(span, StatusCode.NotFound, "no such user");

        Assert.Empty(span.TagObjects);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }
}
