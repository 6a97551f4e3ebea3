using System.Text.Json;
using Ego.Grpc.Tests.Support;
using Ego.Tests.Shared;

namespace Ego.Grpc.Tests.Interceptors;

public sealed class GrpcServerObservabilityInterceptorTests
{
    [Fact]
    public async Task UnaryCall_Success_WritesInfoAccessLineWithEgoFields()
    {
        using var capture = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create()))
        {
            Assert.Equal("hi", await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "hi"));
        }

        var line = Assert.Single(ServerLines(capture));
        Assert.Equal("info", line.GetProperty("lv").GetString());
        Assert.Equal("server.egrpc", line.GetProperty("comp").GetString());
        Assert.Equal("server.grpc", line.GetProperty("compName").GetString());
        Assert.StartsWith("127.0.0.1:", line.GetProperty("addr").GetString());
        Assert.Equal("/test.Echo/Unary", line.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Number, line.GetProperty("cost").ValueKind);
        Assert.Equal(0, line.GetProperty("code").GetInt32());
        Assert.Equal(200, line.GetProperty("ucode").GetInt32());
        Assert.Equal("normal", line.GetProperty("event").GetString());
        Assert.Equal("127.0.0.1", line.GetProperty("peerIp").GetString());
        Assert.Equal(capture.AppName, line.GetProperty("peerName").GetString());
        Assert.False(line.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task UnaryCall_ClientError_WritesWarnWithCodeAndError()
    {
        using var capture = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create(unary: (_, _) => throw new RpcException(new Status(StatusCode.NotFound, "no such user")))))
        {
            await Assert.ThrowsAsync<RpcException>(async () => await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        }

        var line = Assert.Single(ServerLines(capture));
        Assert.Equal("warn", line.GetProperty("lv").GetString());
        Assert.Equal(5, line.GetProperty("code").GetInt32());
        Assert.Equal(404, line.GetProperty("ucode").GetInt32());
        Assert.Equal("error", line.GetProperty("event").GetString());
        Assert.Equal("rpc error: code = NotFound desc = no such user", line.GetProperty("error").GetString());
    }

    [Fact]
    public async Task UnaryCall_ServerError_WritesErrorLevelEvenWithAccessLogOff()
    {
        using var capture = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create(unary: (_, _) => throw new RpcException(new Status(StatusCode.Unavailable, "down"))),
            ("server:grpc:enableAccessInterceptor", "false")))
        {
            await Assert.ThrowsAsync<RpcException>(async () => await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
            await Assert.ThrowsAsync<RpcException>(async () => await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "y"));
        }

        var lines = ServerLines(capture);
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal("error", l.GetProperty("lv").GetString()));
        Assert.All(lines, l => Assert.Equal(503, l.GetProperty("ucode").GetInt32()));
    }

    [Fact]
    public async Task UnaryCall_OverSlowThreshold_WritesWarnSlowEvenWithAccessLogOff()
    {
        using var capture = new AccessLogCapture();
        var service = EchoService.Create(unary: async (request, context) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), context.CancellationToken);
            return request;
        });
        await using (var grpc = await ObservedGrpc.StartAsync(capture, service, ("server:grpc:slowLogThreshold", "50ms"), ("server:grpc:enableAccessInterceptor", "false")))
        {
            await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");
        }

        var line = Assert.Single(ServerLines(capture));
        Assert.Equal("warn", line.GetProperty("lv").GetString());
        Assert.Equal("slow", line.GetProperty("event").GetString());
        Assert.True(line.GetProperty("cost").GetDouble() >= 50);
    }

    [Fact]
    public async Task UnaryCall_HandlerThrows_WritesPanicEventWithStackAndAnswersInternal()
    {
        using var capture = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create(unary: (_, _) => throw new InvalidOperationException("bug in handler"))))
        {
            var error = await Assert.ThrowsAsync<RpcException>(async () => await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
            Assert.Equal(StatusCode.Internal, error.StatusCode);
        }

        var line = Assert.Single(ServerLines(capture));
        Assert.Equal("error", line.GetProperty("lv").GetString());
        Assert.Equal("panic", line.GetProperty("event").GetString());
        Assert.Equal("recover", line.GetProperty("type").GetString());
        Assert.Equal(13, line.GetProperty("code").GetInt32());
        Assert.Equal(500, line.GetProperty("ucode").GetInt32());
        Assert.Equal("bug in handler", line.GetProperty("error").GetString());
        Assert.Contains(nameof(GrpcServerObservabilityInterceptorTests), line.GetProperty("errorVerbose").GetString());
    }

    [Fact]
    public async Task StreamingCalls_SuccessAndError_AreLoggedWithTheirStatus()
    {
        using var capture = new AccessLogCapture();
        var service = EchoService.Create(duplex: (_, _, _) => throw new RpcException(new Status(StatusCode.PermissionDenied, "no")));
        await using (var grpc = await ObservedGrpc.StartAsync(capture, service))
        {
            using (var call = grpc.Invoker.AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "ab"))
            {
                await foreach (var _ in call.ResponseStream.ReadAllAsync())
                {
                }
            }

            using var duplex = grpc.Invoker.AsyncDuplexStreamingCall(TestMethods.Duplex, null, new CallOptions());
            await duplex.RequestStream.CompleteAsync();
            await Assert.ThrowsAsync<RpcException>(() => duplex.ResponseStream.MoveNext(CancellationToken.None));
        }

        var lines = ServerLines(capture);
        var streaming = Assert.Single(lines, l => l.GetProperty("method").GetString() == "/test.Echo/ServerStreaming");
        Assert.Equal("normal", streaming.GetProperty("event").GetString());
        var failed = Assert.Single(lines, l => l.GetProperty("method").GetString() == "/test.Echo/Duplex");
        Assert.Equal("warn", failed.GetProperty("lv").GetString());
        Assert.Equal(403, failed.GetProperty("ucode").GetInt32());
    }

    [Fact]
    public async Task UnaryCall_ReqAndResEnabled_WritesThemTruncated()
    {
        using var capture = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create(),
            ("server:grpc:enableAccessInterceptorReq", "true"), ("server:grpc:enableAccessInterceptorRes", "true"), ("server:grpc:accessInterceptorResMaxLength", "4")))
        {
            await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "abcdefgh");
        }

        var line = Assert.Single(ServerLines(capture));
        Assert.Equal("abcdefgh", line.GetProperty("req").GetString());
        Assert.Equal("abcd...", line.GetProperty("res").GetString());
    }

    [Fact]
    public async Task DebugMode_WritesSixTupleWithHandlerFileAndLine()
    {
        using var capture = new AccessLogCapture(debugMode: true);
        var handlerLine = AccessLogCapture.Line() + 1;
        var service = EchoService.Create(unary: (request, _) => Task.FromResult(request + "!"));
        await using (var grpc = await ObservedGrpc.StartAsync(capture, service))
        {
            await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping");
        }

        var line = Assert.Single(capture.DebugText.Split('\n'), l => l.Contains("server.egrpc.server.grpc", StringComparison.Ordinal));
        Assert.Contains($"{nameof(GrpcServerObservabilityInterceptorTests)}.cs:{handlerLine}", line);
        Assert.Contains("/test.Echo/Unary | ping", line);
        Assert.Contains("ping!", line);
        Assert.Matches(@"\[\d+(\.\d+)?ms\]", line);
    }

    [Fact]
    public async Task UnaryCall_Metrics_CountedWithEgoLabels()
    {
        using var capture = new AccessLogCapture();
        using var metrics = new MetricsRecorder();
        await using (var grpc = await ObservedGrpc.StartAsync(capture, EchoService.Create(unary: (_, _) => throw new RpcException(new Status(StatusCode.InvalidArgument, "bad")))))
        {
            await Assert.ThrowsAsync<RpcException>(async () => await grpc.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        }

        var handled = Assert.Single(metrics.Where("ego_server_handle_total", "peer", capture.AppName));
        Assert.Equal("unary", handled["type"]);
        Assert.Equal("/test.Echo/Unary", handled["method"]);
        Assert.Equal("InvalidArgument", handled["code"]);
        Assert.Equal("400", handled["uniform_code"]);
        Assert.Equal("test.Echo", handled["rpc_service"]);
        Assert.Single(metrics.Where("ego_server_started_total", "peer", capture.AppName));
        var seconds = Assert.Single(metrics.Where("ego_server_handle_seconds", "peer", capture.AppName));
        Assert.False(seconds.ContainsKey("code"));
    }

    [Fact]
    public async Task HealthCheck_SkipHealthLogOn_WritesNoLineUnlessTurnedOff()
    {
        var check = new Method<string, string>(MethodType.Unary, "grpc.health.v1.Health", "Check", Marshallers.StringMarshaller, Marshallers.StringMarshaller);
        var health = ServerServiceDefinition.CreateBuilder().AddMethod(check, (request, _) => Task.FromResult(request)).Build();
        using var skipping = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(skipping, health))
        {
            await grpc.Invoker.AsyncUnaryCall(check, null, new CallOptions(), "");
        }

        using var logging = new AccessLogCapture();
        await using (var grpc = await ObservedGrpc.StartAsync(logging, health, ("server:grpc:enableSkipHealthLog", "false")))
        {
            await grpc.Invoker.AsyncUnaryCall(check, null, new CallOptions(), "");
        }

        Assert.Empty(ServerLines(skipping));
        Assert.Equal("/grpc.health.v1.Health/Check", Assert.Single(ServerLines(logging)).GetProperty("method").GetString());
    }

    private static List<JsonElement> ServerLines(AccessLogCapture capture) =>
        [.. capture.AccessLines().Where(l => l.GetProperty("comp").GetString() == "server.egrpc")];
}
