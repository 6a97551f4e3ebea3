using System.Diagnostics;
using Ego.Grpc.Tests.Support;
using Ego.Tests.Shared;
using Ego.Tracing;

namespace Ego.Grpc.Tests.Tracing;

public sealed class GrpcClientTracingInterceptorTests : IDisposable
{
    private readonly SpanCollector spans = new();

    [Fact]
    public async Task UnaryCall_UnderParentSpan_ClientSpanSitsBetweenParentAndServerSpan()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var client = Client(test);
        using var parent = EgoTracing.Source.StartActivity("test parent")!;

        var response = await client.CallInvoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");

        Assert.Equal("x", response);
        Assert.Same(parent, Activity.Current);
        var trace = spans.InTrace(parent.TraceId.ToHexString());
        var clientSpan = Assert.Single(trace, s => s.Kind == ActivityKind.Client);
        var serverSpan = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal(parent.SpanId, clientSpan.ParentSpanId);
        Assert.Equal(clientSpan.SpanId, serverSpan.ParentSpanId);
        Assert.Equal("test.Echo/Unary", clientSpan.DisplayName);
        Assert.Equal("grpc", clientSpan.GetTagItem("rpc.system"));
        Assert.Equal("test.Echo", clientSpan.GetTagItem("rpc.service"));
        Assert.Equal("Unary", clientSpan.GetTagItem("rpc.method"));
        Assert.Equal("127.0.0.1", clientSpan.GetTagItem("server.address"));
        Assert.Equal(new Uri(test.Address.Contains("://", StringComparison.Ordinal) ? test.Address : "http://" + test.Address).Port, clientSpan.GetTagItem("server.port"));
        Assert.Equal(0, clientSpan.GetTagItem("rpc.grpc.status_code"));
    }

    [Fact]
    public async Task UnaryCall_ServerAnswersNotFound_ClientSpanHasErrorStatus()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (_, _) =>
            throw new RpcException(new Status(StatusCode.NotFound, "gone")))));
        using var client = Client(test);
        using var parent = EgoTracing.Source.StartActivity("test parent")!;

        await Assert.ThrowsAsync<RpcException>(async () => await client.CallInvoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));

        var clientSpan = Assert.Single(spans.InTrace(parent.TraceId.ToHexString()), s => s.Kind == ActivityKind.Client);
        Assert.Equal(5, clientSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, clientSpan.Status);
    }

    [Fact]
    public async Task ServerStreamingCall_ReadToEnd_ClientSpanEndsOkAfterLastMessage()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var client = Client(test);
        using var parent = EgoTracing.Source.StartActivity("test parent")!;

        using var call = client.CallInvoker.AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "ab");
        Assert.Same(parent, Activity.Current);
        var count = 0;
        await foreach (var _ in call.ResponseStream.ReadAllAsync())
        {
            Assert.DoesNotContain(spans.InTrace(parent.TraceId.ToHexString()), s => s.Kind == ActivityKind.Client);
            count++;
        }

        Assert.Equal(2, count);
        var clientSpan = Assert.Single(spans.InTrace(parent.TraceId.ToHexString()), s => s.Kind == ActivityKind.Client);
        Assert.Equal("test.Echo/ServerStreaming", clientSpan.DisplayName);
        Assert.Equal(0, clientSpan.GetTagItem("rpc.grpc.status_code"));
    }

    [Fact]
    public async Task ClientStreamingCall_ResponseReceived_ClientSpanParentOfServerSpan()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var client = Client(test);
        using var parent = EgoTracing.Source.StartActivity("test parent")!;

        using var call = client.CallInvoker.AsyncClientStreamingCall(TestMethods.ClientStreaming, null, new CallOptions());
        await call.RequestStream.WriteAsync("a");
        await call.RequestStream.WriteAsync("b");
        await call.RequestStream.CompleteAsync();
        var response = await call;

        Assert.Equal("a+b", response);
        var trace = spans.InTrace(parent.TraceId.ToHexString());
        var clientSpan = Assert.Single(trace, s => s.Kind == ActivityKind.Client);
        Assert.Equal(clientSpan.SpanId, Assert.Single(trace, s => s.Kind == ActivityKind.Server).ParentSpanId);
    }

    [Fact]
    public async Task DuplexCall_ReadToEnd_ClientSpanParentOfServerSpanAndEndsOk()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var client = Client(test);
        using var parent = EgoTracing.Source.StartActivity("test parent")!;

        using var call = client.CallInvoker.AsyncDuplexStreamingCall(TestMethods.Duplex, null, new CallOptions());
        await call.RequestStream.WriteAsync("a");
        await call.RequestStream.CompleteAsync();
        var received = new List<string>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            received.Add(message);
        }

        Assert.Equal(["echo:a"], received);
        var trace = spans.InTrace(parent.TraceId.ToHexString());
        var clientSpan = Assert.Single(trace, s => s.Kind == ActivityKind.Client);
        Assert.Equal("test.Echo/Duplex", clientSpan.DisplayName);
        Assert.Equal(0, clientSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(clientSpan.SpanId, Assert.Single(trace, s => s.Kind == ActivityKind.Server).ParentSpanId);
    }

    [Fact]
    public async Task UnaryCall_CallerHeadersKept_TraceparentAdded()
    {
        Metadata? seen = null;
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (request, context) =>
        {
            seen = context.RequestHeaders;
            return Task.FromResult(request);
        })));
        using var client = Client(test);
        var headers = new Metadata { { "x-tenant", "t1" } }.Freeze();

        await client.CallInvoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(headers), "x");

        Assert.NotNull(seen);
        Assert.Equal("t1", seen.GetValue("x-tenant"));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", seen.GetValue("traceparent"));
        Assert.Single(headers);
    }

    public void Dispose() => spans.Dispose();

    private static GrpcClient Client(TestServer test)
        => GrpcClient.Load(TestServer.Config(("grpc:test:addr", test.Address)), "grpc.test").Build();
}
