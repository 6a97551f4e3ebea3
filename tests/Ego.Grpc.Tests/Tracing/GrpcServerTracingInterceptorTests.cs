using System.Diagnostics;
using Ego.Grpc.Tests.Support;
using Ego.Tests.Shared;

namespace Ego.Grpc.Tests.Tracing;

public sealed class GrpcServerTracingInterceptorTests : IDisposable
{
    private readonly SpanCollector spans = new();
    private readonly ActivityContext caller = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    [Fact]
    public async Task UnaryCall_WithTraceparent_ServerSpanIsChildWithRpcAttributesAndTraceIdHeader()
    {
        string? handlerTraceId = null;
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (request, _) =>
        {
            handlerTraceId = Activity.Current?.TraceId.ToHexString();
            return Task.FromResult(request);
        })));

        using var call = test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(CallerHeaders()), "x");
        await call;
        var headers = await call.ResponseHeadersAsync;

        var traceId = caller.TraceId.ToHexString();
        Assert.Equal(traceId, headers.GetValue("x-trace-id"));
        Assert.Equal(traceId, handlerTraceId);
        var span = Assert.Single(spans.InTrace(traceId));
        Assert.Equal("test.Echo/Unary", span.DisplayName);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(caller.SpanId, span.ParentSpanId);
        Assert.Equal("grpc", span.GetTagItem("rpc.system"));
        Assert.Equal("test.Echo", span.GetTagItem("rpc.service"));
        Assert.Equal("Unary", span.GetTagItem("rpc.method"));
        Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal("127.0.0.1", span.GetTagItem("network.peer.address"));
        Assert.IsType<int>(span.GetTagItem("network.peer.port"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task UnaryCall_HandlerThrowsNotFound_SpanHasErrorStatusAndCode()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (_, _) =>
            throw new RpcException(new Status(StatusCode.NotFound, "no such user")))));

        using var call = test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(CallerHeaders()), "x");
        await Assert.ThrowsAsync<RpcException>(async () => await call);

        var span = Assert.Single(spans.InTrace(caller.TraceId.ToHexString()));
        Assert.Equal(5, span.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("no such user", span.StatusDescription);
    }

    [Fact]
    public async Task ServerStreamingCall_ReadToEnd_SpanCoversTheStreamAndEndsOk()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));

        using var call = test.Invoker.AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(CallerHeaders()), "abc");
        var received = new List<string>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            received.Add(message);
        }

        Assert.Equal(["a", "b", "c"], received);
        var span = Assert.Single(spans.InTrace(caller.TraceId.ToHexString()));
        Assert.Equal("test.Echo/ServerStreaming", span.DisplayName);
        Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
    }

    [Fact]
    public async Task UnaryCall_EnableTraceInterceptorOff_NoSpanAndNoTraceIdHeader()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()), null, ("server:grpc:enableTraceInterceptor", "false"));

        using var call = test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(CallerHeaders()), "x");
        await call;
        var headers = await call.ResponseHeadersAsync;

        Assert.Null(headers.GetValue("x-trace-id"));
        Assert.Empty(spans.InTrace(caller.TraceId.ToHexString()));
    }

    public void Dispose() => spans.Dispose();

    private Metadata CallerHeaders() => new() { { "traceparent", $"00-{caller.TraceId.ToHexString()}-{caller.SpanId.ToHexString()}-01" } };
}
