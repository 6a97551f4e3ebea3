using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Ego.Grpc.Tests.Support;

namespace Ego.Grpc.Tests;

public sealed class GrpcChannelTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Deadline_HandlerSlowerThanDeadline_ClientGetsDeadlineExceededAndServerTokenFires()
    {
        var serverCancelled = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: async (request, context) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                serverCancelled.TrySetResult(context.Deadline);
                throw;
            }

            return request;
        })));

        // Long enough for the handler to start even on a busy machine.
        var deadline = DateTime.UtcNow.AddSeconds(1);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(deadline: deadline), "x"));
        var serverDeadline = await serverCancelled.Task.WaitAsync(Wait);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(serverDeadline, deadline.AddSeconds(-1), deadline.AddMilliseconds(50));
    }

    [Fact]
    public async Task Deadline_ServerEnforcesTimeoutHeader_AnswersDeadlineExceeded()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: async (request, context) =>
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return request;
        })));
        using var raw = test.CreateRawClient();

        var (_, _, status, _) = await RawGrpc.SendAsync(raw, RawGrpc.Request("/test.Echo/Unary", RawGrpc.Frame("x"u8.ToArray()), headers: ("grpc-timeout", "200m")));

        Assert.Equal("4", status);
    }

    [Fact]
    public async Task Deadline_HandlerIgnoresToken_ServerAnswersAtDeadlineAndKeepsServing()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: async (request, _) =>
        {
            await release.Task;
            handlerDone.TrySetResult();
            return request;
        })));
        using var raw = test.CreateRawClient();

        var (_, body, status, _) = await RawGrpc.SendAsync(raw, RawGrpc.Request("/test.Echo/Unary", RawGrpc.Frame("x"u8.ToArray()), headers: ("grpc-timeout", "200m")));
        var handlerStillRunning = !handlerDone.Task.IsCompleted;
        release.SetResult();
        await handlerDone.Task.WaitAsync(Wait);

        Assert.True(handlerStillRunning);
        Assert.Equal("4", status);
        Assert.Empty(body);
        Assert.Equal("next", await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "next"));
    }

    [Fact]
    public async Task Deadline_AlreadyPassed_FailsWithoutCallingServer()
    {
        var calls = 0;
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (request, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(request);
        })));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(-1)), "x"));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Cancellation_ClientCancels_ServerHandlerTokenFires()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var serverCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: async (request, context) =>
        {
            context.CancellationToken.Register(() => serverCancelled.TrySetResult());
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return request;
        })));
        using var cancellation = new CancellationTokenSource();

        using var call = test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(cancellationToken: cancellation.Token), "x");
        await started.Task.WaitAsync(Wait);
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await serverCancelled.Task.WaitAsync(Wait);
    }

    [Fact]
    public async Task Dispose_StreamingCallInFlight_CancelsServerHandler()
    {
        var serverCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(serverStreaming: async (request, responses, context) =>
        {
            context.CancellationToken.Register(() => serverCancelled.TrySetResult());
            await responses.WriteAsync("first");
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        })));

        var call = test.Invoker.AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "x");
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        call.Dispose();

        await serverCancelled.Task.WaitAsync(Wait);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ServerAbort_AfterFirstMessage_ClientSeesInternalOrCancelled()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(serverStreaming: async (request, responses, context) =>
        {
            await responses.WriteAsync("first");
            context.GetHttpContext()!.Abort();
        })));

        using var call = test.Invoker.AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "x");
        // The reset may overtake the first message, so read until the stream fails.
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });

        Assert.True(error.StatusCode is StatusCode.Internal or StatusCode.Cancelled, $"unexpected {error.Status}");
        Assert.Equal("ok", await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ok"));
    }

    [Fact]
    public async Task Compression_GzipPerCall_RequestCompressedAndUnderstood()
    {
        var capture = new CapturingHandler();
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()), new GrpcChannelOptions { HttpHandler = capture });
        var text = new string('z', 1000);
        var headers = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        var response = await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(headers), text);

        Assert.Equal(text, response);
        Assert.Equal(1, capture.LastBody[0]);
        Assert.True(capture.LastBody.Length < 200, $"compressed body has {capture.LastBody.Length} bytes");
    }

    [Fact]
    public async Task Compression_NoCompressWriteOption_RequestSentUncompressed()
    {
        var capture = new CapturingHandler();
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()), new GrpcChannelOptions { HttpHandler = capture, RequestCompression = "gzip" });
        var text = new string('z', 1000);

        var response = await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(writeOptions: new WriteOptions(WriteFlags.NoCompress)), text);

        Assert.Equal(text, response);
        Assert.Equal(0, capture.LastBody[0]);
        Assert.Equal(1005, capture.LastBody.Length);
    }

    [Fact]
    public async Task Compression_DeflateStreamsBothWays_RoundTrips()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()), new GrpcChannelOptions { RequestCompression = "deflate" });

        using var call = test.Invoker.AsyncDuplexStreamingCall(TestMethods.Duplex, null, new CallOptions());
        await call.RequestStream.WriteAsync(new string('q', 500));
        await call.RequestStream.WriteAsync("tail", CancellationToken.None);
        await call.RequestStream.CompleteAsync();
        var received = new List<string>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            received.Add(message);
        }

        Assert.Equal(["echo:" + new string('q', 500), "echo:tail"], received);
        Assert.Equal("deflate", (await call.ResponseHeadersAsync).GetValue("grpc-encoding") ?? "deflate");
    }

    [Fact]
    public async Task MaxReceiveSize_ServerLimit_RequestTooLargeIsResourceExhausted()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()), settings: ("server:grpc:maxRecvMsgSize", "1024"));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), new string('x', 2000)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("ok", await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ok"));
    }

    [Fact]
    public async Task MaxReceiveSize_ClientLimit_ResponseTooLargeIsResourceExhausted()
    {
        await using var test = await TestServer.StartAsync(
            b => b.AddService(EchoService.Create(unary: (_, _) => Task.FromResult(new string('y', 5000)))),
            new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });

        var error = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("5000 vs. 1024", error.Status.Detail);
    }

    [Fact]
    public async Task MaxSendSize_ClientAndServerLimits_AreResourceExhausted()
    {
        await using var test = await TestServer.StartAsync(
            b => b.AddService(EchoService.Create(unary: (_, _) => Task.FromResult(new string('y', 5000)))),
            new GrpcChannelOptions { MaxSendMessageSize = 100 },
            ("server:grpc:maxSendMsgSize", "1000"));

        var clientSide = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), new string('x', 200)));
        var serverSide = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "small"));

        Assert.Equal(StatusCode.ResourceExhausted, clientSide.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, serverSide.StatusCode);
        Assert.Contains("5000 vs. 1000", serverSide.Status.Detail);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, StatusCode.Internal)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.TooManyRequests, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.InternalServerError, StatusCode.Unknown)]
    public async Task Response_NonGrpcHttpStatus_MapsPerSpec(HttpStatusCode httpStatus, StatusCode expected)
    {
        using var channel = GrpcChannel.ForAddress("127.0.0.1:1", new GrpcChannelOptions { HttpHandler = new StubHandler(_ => new HttpResponseMessage(httpStatus) { Content = new ByteArrayContent([]) }) });

        var error = await Assert.ThrowsAsync<RpcException>(async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));

        Assert.Equal(expected, error.StatusCode);
        Assert.Contains(((int)httpStatus).ToString(), error.Status.Detail);
    }

    [Fact]
    public async Task Response_MissingGrpcStatus_IsInternal()
    {
        using var channel = GrpcChannel.ForAddress("127.0.0.1:1", new GrpcChannelOptions
        {
            HttpHandler = new StubHandler(_ =>
            {
                var content = new ByteArrayContent(RawGrpc.Frame("x"u8.ToArray()));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, Version = HttpVersion.Version20 };
            }),
        });

        var error = await Assert.ThrowsAsync<RpcException>(async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("grpc-status", error.Status.Detail);
    }

    [Fact]
    public async Task Call_UnreachableServer_IsUnavailable()
    {
        using var channel = GrpcChannel.ForAddress($"127.0.0.1:{TestPorts.Closed()}");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task WaitForReady_ServerUnreachableUntilDeadline_IsDeadlineExceeded()
    {
        using var channel = GrpcChannel.ForAddress($"127.0.0.1:{TestPorts.Closed()}");
        var options = new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(500)).WithWaitForReady();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, options, "x"));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task ConcurrentCalls_TwoHundredInParallel_AllSucceedOverSeveralConnections()
    {
        var connections = new ConcurrentDictionary<string, bool>();
        var arrived = 0;
        var manyInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: async (request, context) =>
        {
            connections.TryAdd(context.GetHttpContext()!.Connection.Id, true);
            if (Interlocked.Increment(ref arrived) == 150)
            {
                manyInFlight.TrySetResult();
            }

            // Holding calls until more than one connection's worth (100 streams) is in flight forces a second connection.
            await manyInFlight.Task.WaitAsync(TimeSpan.FromSeconds(5), context.CancellationToken);
            return request;
        })));

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), i.ToString()).ResponseAsync));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => i.ToString()), responses);
        Assert.True(connections.Count > 1, $"expected several HTTP/2 connections, got {connections.Count}");
    }

    [Fact]
    public void ForAddress_InvalidAddress_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("no-port-here"));

        Assert.Contains("'no-port-here'", error.Message);
    }

    [Fact]
    public async Task ForAddress_SeveralAddresses_CallsGoRoundRobin()
    {
        await using var first = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (_, _) => Task.FromResult("first"))));
        await using var second = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (_, _) => Task.FromResult("second"))));
        using var channel = GrpcChannel.ForAddress($"{first.Address},{second.Address}");

        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        }

        Assert.Equal(2, answers.Count(a => a == "first"));
        Assert.Equal(2, answers.Count(a => a == "second"));
    }
}
