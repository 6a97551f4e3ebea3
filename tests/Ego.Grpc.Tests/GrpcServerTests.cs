using Ego.FailFast;
using Ego.Grpc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Grpc.Tests;

public sealed class GrpcServerTests
{
    [Fact]
    public async Task StartAsync_PortZero_AddressesReportBoundPort()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));

        var address = Assert.Single(test.Server.Addresses);
        Assert.StartsWith("127.0.0.1:", address);
        Assert.NotEqual(0, int.Parse(address.Split(':')[1]));
        Assert.Equal("grpc", test.Server.Kind);
        Assert.Equal("server.grpc", test.Server.Name);
        Assert.Equal(["test.Echo"], test.Server.ServiceNames);
    }

    [Fact]
    public async Task UnaryCall_EchoService_ReturnsRequestAndOkStatus()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));

        using var call = test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "hello");

        Assert.Equal("hello", await call);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task BlockingUnaryCall_EchoService_ReturnsRequest()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));

        var response = await Task.Run(() => test.Invoker.BlockingUnaryCall(TestMethods.Unary, null, new CallOptions(), "sync"));

        Assert.Equal("sync", response);
    }

    [Fact]
    public async Task ServerStreamingCall_EchoService_StreamsEachCharacter()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));

        using var call = test.Invoker.AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "abc");
        var received = new List<string>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            received.Add(message);
        }

        Assert.Equal(["a", "b", "c"], received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreamingCall_EchoService_JoinsRequests()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));

        using var call = test.Invoker.AsyncClientStreamingCall(TestMethods.ClientStreaming, null, new CallOptions());
        foreach (var part in new[] { "x", "y", "z" })
        {
            await call.RequestStream.WriteAsync(part);
        }

        await call.RequestStream.CompleteAsync();

        Assert.Equal("x+y+z", await call.ResponseAsync);
    }

    [Fact]
    public async Task DuplexCall_EchoService_AnswersEachRequestInTurn()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));

        using var call = test.Invoker.AsyncDuplexStreamingCall(TestMethods.Duplex, null, new CallOptions());
        foreach (var part in new[] { "one", "two" })
        {
            await call.RequestStream.WriteAsync(part);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal("echo:" + part, call.ResponseStream.Current);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    public async Task UnaryCall_ThreeMegabyteMessage_RoundTripsWithinDefaultLimits(string? compression)
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()), new GrpcChannelOptions { RequestCompression = compression });
        var text = string.Create(3 * 1024 * 1024, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i * 7 % 26));
            }
        });

        var response = await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), text);

        Assert.Equal(text, response);
    }

    [Fact]
    public async Task ServerStreamingCall_ThousandMessages_AllArriveInOrder()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(serverStreaming: async (request, responses, context) =>
        {
            for (var i = 0; i < 1000; i++)
            {
                await responses.WriteAsync(i.ToString(), context.CancellationToken);
            }
        })));

        using var call = test.Invoker.AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "x");
        var received = new List<string>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            received.Add(message);
        }

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i.ToString()), received);
    }

    [Fact]
    public async Task Call_UnknownService_IsUnimplemented()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        var unknown = new Method<string, string>(MethodType.Unary, "test.Nope", "Unary", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(unknown, null, new CallOptions(), "x"));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal("unknown service test.Nope", error.Status.Detail);
    }

    [Fact]
    public async Task Call_UnknownMethod_IsUnimplementedNamingTheMethod()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        var unknown = new Method<string, string>(MethodType.Unary, TestMethods.Service, "Missing", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(unknown, null, new CallOptions(), "x"));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal("unknown method Missing for service test.Echo", error.Status.Detail);
    }

    [Fact]
    public async Task Handler_ThrowsException_CallIsInternalAndServerKeepsServing()
    {
        var fail = true;
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (request, _) =>
            fail ? throw new InvalidOperationException("boom") : Task.FromResult(request))));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        fail = false;

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("boom", error.Status.Detail);
        Assert.Equal("ok", await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ok"));
    }

    [Theory]
    [InlineData("plain detail")]
    [InlineData("héllo wörld ✓ 100% done\r\nnext line")]
    [InlineData("%41 is not A, emoji 🚀")]
    public async Task Handler_ThrowsRpcException_ClientSeesSameStatusAndDetail(string detail)
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (_, _) =>
            throw new RpcException(new Status(StatusCode.FailedPrecondition, detail)))));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(detail, error.Status.Detail);
    }

    [Fact]
    public async Task Handler_RpcExceptionWithStatusDetails_ClientReceivesThemAsBinaryTrailer()
    {
        byte[] details = [8, 5, 18, 3, 0x62, 0x61, 0x64];
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (_, _) =>
            throw new RpcException(new Status(StatusCode.InvalidArgument, "bad"), new Metadata { { "grpc-status-details-bin", details } }))));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(details, error.Trailers.GetValueBytes("grpc-status-details-bin"));
    }

    [Fact]
    public async Task Handler_ErrorBeforeAnyMessage_SendsTrailersOnlyResponse()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (_, _) =>
            throw new RpcException(new Status(StatusCode.NotFound, "no such user 100%"), new Metadata { { "reason", "gone" } }))));
        using var raw = test.CreateRawClient();

        var (response, body, _, _) = await RawGrpc.SendAsync(raw, RawGrpc.Request("/test.Echo/Unary", RawGrpc.Frame("x"u8.ToArray())));

        Assert.Empty(body);
        Assert.Equal("5", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("no such user 100%25", response.Headers.GetValues("grpc-message").Single());
        Assert.Equal("gone", response.Headers.GetValues("reason").Single());
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task Metadata_HeadersAndTrailers_RoundTripIncludingBinary()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: async (request, context) =>
        {
            var token = context.RequestHeaders.GetValue("x-token");
            var binary = context.RequestHeaders.GetValueBytes("trace-bin")!;
            await context.WriteResponseHeadersAsync(new Metadata { { "echo-token", token! }, { "echo-bin", binary } });
            context.ResponseTrailers.Add("done", "yes");
            context.ResponseTrailers.Add("trail-bin", [9, 8, 7]);
            return request;
        })));
        var headers = new Metadata { { "X-Token", "abc" }, { "trace-bin", new byte[] { 0, 1, 2, 255, 254 } } };

        using var call = test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(headers), "m");
        var responseHeaders = await call.ResponseHeadersAsync;
        await call;

        Assert.Equal("abc", responseHeaders.GetValue("echo-token"));
        Assert.Equal(new byte[] { 0, 1, 2, 255, 254 }, responseHeaders.GetValueBytes("echo-bin"));
        Assert.Equal("yes", call.GetTrailers().GetValue("done"));
        Assert.Equal(new byte[] { 9, 8, 7 }, call.GetTrailers().GetValueBytes("trail-bin"));
    }

    [Fact]
    public async Task Handler_ServerCallContext_ExposesMethodPeerAndNoDeadline()
    {
        string? seen = null;
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (request, context) =>
        {
            seen = $"{context.Method}|{context.Peer.StartsWith("ipv4:127.0.0.1:", StringComparison.Ordinal)}|{context.Deadline == DateTime.MaxValue}|{context.GetHttpContext() is not null}";
            return Task.FromResult(request);
        })));

        await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");

        Assert.Equal("/test.Echo/Unary|True|True|True", seen);
    }

    [Fact]
    public void Load_InvalidOptions_ThrowsStartupErrorNamingEveryKey()
    {
        var config = TestServer.Config(("server:grpc:port", "70000"), ("server:grpc:network", "udp"), ("server:grpc:responseCompression", "br"));

        var error = Assert.Throws<EgoStartupException>(() => GrpcServer.Load(config));

        Assert.Equal("server.grpc", error.Key);
        Assert.Contains("server.grpc.port", error.Error);
        Assert.Contains("server.grpc.network", error.Error);
        Assert.Contains("server.grpc.responseCompression", error.Error);
    }

    [Fact]
    public async Task CreateBuilder_OptionsInCode_StartsOnFreePort()
    {
        await using var server = GrpcServer.CreateBuilder(new GrpcServerOptions { Host = "127.0.0.1", Port = 0 }).AddService(EchoService.Create()).Build();
        await server.StartAsync(CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Addresses[0]);

        Assert.Equal("code", await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "code"));
    }

    [Fact]
    public void CreateBuilder_InvalidOptions_ThrowsNamingThem()
    {
        var error = Assert.Throws<ArgumentException>(() => GrpcServer.CreateBuilder(new GrpcServerOptions { Port = -1, MaxRecvMsgSize = 0 }));

        Assert.Contains("port", error.Message);
        Assert.Contains("maxRecvMsgSize", error.Message);
    }

    [Fact]
    public void Build_SameServiceTwice_ThrowsNamingTheMethod()
    {
        var builder = GrpcServer.Load(TestServer.Config()).AddService(EchoService.Create()).AddService(EchoService.Create());

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());

        Assert.Contains("/test.Echo/Unary", error.Message);
    }

    [Fact]
    public async Task AddEgoGrpcServer_ServiceFromDependencyInjection_ResolvedPerCall()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(TestServer.Config(("server:grpc:host", "127.0.0.1"), ("server:grpc:port", "0")));
        services.AddSingleton<Counter>();
        services.AddEgoGrpcServer().AddService<GreeterImpl>();
        await using var provider = services.BuildServiceProvider();
        var server = (GrpcServer)Assert.Single(provider.GetServices<Ego.Hosting.IEgoServer>());
        await server.StartAsync(CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Addresses[0]);
        var client = new Greeter.GreeterClient(channel);

        var first = await client.SayHello("ann");
        var second = await client.SayHello("bob");
        await server.StopAsync(CancellationToken.None);

        Assert.Equal("hello ann #1", first);
        Assert.Equal("hello bob #2", second);
    }

    [Fact]
    public async Task AddEgoGrpcServer_ScopedDependency_DisposedAfterEachCallIncludingOneThatThrows()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(TestServer.Config(("server:grpc:host", "127.0.0.1"), ("server:grpc:port", "0")));
        var disposed = new Counter();
        services.AddSingleton(disposed);
        services.AddScoped<CallScopeProbe>();
        services.AddEgoGrpcServer().AddService<ScopedGreeter>();
        await using var provider = services.BuildServiceProvider();
        var server = (GrpcServer)Assert.Single(provider.GetServices<Ego.Hosting.IEgoServer>());
        await server.StartAsync(CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Addresses[0]);
        var client = new Greeter.GreeterClient(channel);

        var answer = await client.SayHello("ann");
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.SayHello("boom"));
        await server.StopAsync(CancellationToken.None);

        Assert.Equal("hello ann", answer);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("boom is not a name", error.Status.Detail);
        Assert.Equal(3, disposed.Next());
    }
}
