using System.Text;
using System.Text.Json;
using Ego.Grpc.Tests.Support;
using Ego.Tests.Shared;

namespace Ego.Grpc.Tests.Interceptors;

public sealed class GrpcClientObservabilityInterceptorTests
{
    private static readonly Method<string, string> BrokenRequest = new(MethodType.Unary, TestMethods.Service, "Unary",
        Marshallers.Create<string>(_ => throw new InvalidOperationException("cannot encode"), b => Encoding.UTF8.GetString(b)), Marshallers.StringMarshaller);

    [Fact]
    public async Task UnaryCall_SuccessWithAccessLogOn_WritesInfoLine()
    {
        using var capture = new AccessLogCapture();
        string address;
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create(), ("grpc:test:enableAccessInterceptor", "true")))
        {
            address = grpc.Server.Addresses[0];
            await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "hi");
        }

        var line = Assert.Single(ClientLines(capture));
        Assert.Equal("info", line.GetProperty("lv").GetString());
        Assert.Equal("client.egrpc", line.GetProperty("comp").GetString());
        Assert.Equal("grpc.test", line.GetProperty("compName").GetString());
        Assert.Equal(address, line.GetProperty("addr").GetString());
        Assert.Equal("/test.Echo/Unary", line.GetProperty("method").GetString());
        Assert.Equal(0, line.GetProperty("code").GetInt32());
        Assert.Equal(200, line.GetProperty("ucode").GetInt32());
        Assert.Equal("normal", line.GetProperty("event").GetString());
        Assert.Equal(JsonValueKind.Number, line.GetProperty("cost").ValueKind);
    }

    [Fact]
    public async Task UnaryCall_SuccessWithAccessLogOff_WritesNothing()
    {
        using var capture = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create()))
        {
            await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "hi");
        }

        Assert.Empty(ClientLines(capture));
    }

    [Fact]
    public async Task UnaryCall_Error_WritesWarnWithStatusEvenWithAccessLogOff()
    {
        using var capture = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create(unary: (_, _) => throw new RpcException(new Status(StatusCode.AlreadyExists, "taken")))))
        {
            await Assert.ThrowsAsync<RpcException>(async () => await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        }

        var line = Assert.Single(ClientLines(capture));
        Assert.Equal("warn", line.GetProperty("lv").GetString());
        Assert.Equal("error", line.GetProperty("event").GetString());
        Assert.Equal(6, line.GetProperty("code").GetInt32());
        Assert.Equal(409, line.GetProperty("ucode").GetInt32());
        Assert.Equal("rpc error: code = AlreadyExists desc = taken", line.GetProperty("error").GetString());
    }

    [Fact]
    public async Task UnaryCall_OverSlowThreshold_WritesWarnSlow()
    {
        using var capture = new AccessLogCapture();
        var service = EchoService.Create(unary: async (request, context) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), context.CancellationToken);
            return request;
        });
        await using (var grpc = await ObservedGrpc.StartAsync(capture, service, ("grpc:test:slowLogThreshold", "50ms")))
        {
            await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");
        }

        var line = Assert.Single(ClientLines(capture));
        Assert.Equal("warn", line.GetProperty("lv").GetString());
        Assert.Equal("slow", line.GetProperty("event").GetString());
    }

    [Fact]
    public async Task UnaryCall_InnerInterceptorThrows_WritesPanicLine()
    {
        using var capture = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create(), b => b.AddInterceptor(new ThrowingInterceptor())))
        {
            Assert.Throws<InvalidOperationException>(() => grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        }

        var line = Assert.Single(ClientLines(capture));
        Assert.Equal("error", line.GetProperty("lv").GetString());
        Assert.Equal("panic", line.GetProperty("event").GetString());
        Assert.Equal("interceptor bug", line.GetProperty("error").GetString());
        Assert.Contains(nameof(ThrowingInterceptor), line.GetProperty("errorVerbose").GetString());
    }

    [Fact]
    public async Task UnaryCall_RequestCannotBeEncoded_WritesErrorLine()
    {
        using var capture = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create()))
        {
            await Assert.ThrowsAnyAsync<Exception>(async () => await grpc.Invoker.AsyncUnaryCall(BrokenRequest, null, new CallOptions(), "x"));
        }

        var line = Assert.Single(ClientLines(capture));
        Assert.Equal("error", line.GetProperty("lv").GetString());
        Assert.Equal("error", line.GetProperty("event").GetString());
        Assert.Contains("cannot encode", line.GetProperty("error").GetString());
    }

    [Fact]
    public async Task StreamingCalls_EndOfStream_IsLoggedOnce()
    {
        using var capture = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create(), ("grpc:test:enableAccessInterceptor", "true")))
        {
            using var call = grpc.Invoker.AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "abc");
            var received = new List<string>();
            await foreach (var message in call.ResponseStream.ReadAllAsync())
            {
                received.Add(message);
            }

            Assert.Equal(["a", "b", "c"], received);
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));

            using var upload = grpc.Invoker.AsyncClientStreamingCall(TestMethods.ClientStreaming, null, new CallOptions());
            await upload.RequestStream.WriteAsync("x", CancellationToken.None);
            await upload.RequestStream.CompleteAsync();
            Assert.Equal("x", await upload.ResponseAsync);
        }

        var lines = ClientLines(capture);
        Assert.Single(lines, l => l.GetProperty("method").GetString() == "/test.Echo/ServerStreaming");
        Assert.Single(lines, l => l.GetProperty("method").GetString() == "/test.Echo/ClientStreaming");
    }

    [Fact]
    public async Task DebugMode_WritesSixTupleWithCallerFileAndLine()
    {
        using var capture = new AccessLogCapture(debugMode: true);
        int line;
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create()))
        {
            (var call, line) = (grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping"), AccessLogCapture.Line());
            await call;
        }

        var debug = Assert.Single(capture.DebugText.Split('\n'), l => l.Contains("client.egrpc.grpc.test", StringComparison.Ordinal));
        Assert.Contains($"{nameof(GrpcClientObservabilityInterceptorTests)}.cs:{line}", debug);
        Assert.Contains("/test.Echo/Unary | ping", debug);
        Assert.Contains("=> ", debug);
    }

    [Fact]
    public async Task ExtraKeysAndAppName_TravelClientToServerToDownstreamClient()
    {
        using var capture = new AccessLogCapture(false, "X-Ego-Uid");
        string? seenUid = null;
        string? seenApp = null;
        await using var downstream = await ObservedGrpc.StartAsync(capture, EchoService.Create(unary: (request, context) =>
        {
            seenUid = context.RequestHeaders.GetValue("x-ego-uid");
            seenApp = context.RequestHeaders.GetValue("app");
            return Task.FromResult(request);
        }), ("grpc:test:enableAccessInterceptor", "true"));
        await using (var front = await ObservedGrpc.StartAsync(capture, EchoService.Create(unary: async (request, _) =>
            await downstream.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), request))))
        {
            await front.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(new Metadata { { "x-ego-uid", "42" } }), "x");
        }

        Assert.Equal("42", seenUid);
        Assert.Equal(capture.AppName, seenApp);
        var lines = capture.AccessLines();
        var servers = lines.Where(l => l.GetProperty("comp").GetString() == "server.egrpc").ToList();
        Assert.Equal(2, servers.Count);
        Assert.All(servers, l => Assert.Equal("42", l.GetProperty("x-ego-uid").GetString()));
        Assert.All(servers, l => Assert.Equal(capture.AppName, l.GetProperty("peerName").GetString()));
        var downstreamClient = Assert.Single(lines, l => l.GetProperty("comp").GetString() == "client.egrpc");
        Assert.Equal("42", downstreamClient.GetProperty("x-ego-uid").GetString());
    }

    [Fact]
    public async Task Calls_Metrics_CountedWithEgoLabels()
    {
        using var capture = new AccessLogCapture();
        using var metrics = new MetricsRecorder();
        string address;
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create(unary: (_, _) => throw new RpcException(new Status(StatusCode.Unavailable, "down")))))
        {
            address = grpc.Server.Addresses[0];
            await Assert.ThrowsAsync<RpcException>(async () => await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        }

        var handled = Assert.Single(metrics.Where("ego_client_handle_total", "peer", address));
        Assert.Equal("unary", handled["type"]);
        Assert.Equal("grpc.test", handled["name"]);
        Assert.Equal("/test.Echo/Unary", handled["method"]);
        Assert.Equal("Unavailable", handled["code"]);
        Assert.Single(metrics.Where("ego_client_started_total", "peer", address));
        Assert.Single(metrics.Where("ego_client_handle_seconds", "peer", address));
    }

    private sealed class ThrowingInterceptor : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
            => throw new InvalidOperationException("interceptor bug");
    }

    private static List<JsonElement> ClientLines(AccessLogCapture capture) =>
        [.. capture.AccessLines().Where(l => l.GetProperty("comp").GetString() == "client.egrpc")];
}
