using Ego.FailFast;
using Ego.Grpc.Tests.Support;

namespace Ego.Grpc.Tests;

public sealed class GrpcClientTests
{
    [Fact]
    public void Build_OnFailPanicAndClosedPort_ThrowsStartupErrorNamingKeyAndAddress()
    {
        var address = $"127.0.0.1:{TestPorts.Closed()}";
        var config = TestServer.Config(("grpc:user:addr", address), ("grpc:user:dialTimeout", "2s"));

        var error = Assert.Throws<EgoStartupException>(() => GrpcClient.Load(config, "grpc.user").Build());

        Assert.Equal("dial grpc server failed", error.Message);
        Assert.Equal("grpc.user", error.Key);
        Assert.Contains(address, error.Error);
        Assert.True(error.Location.IsKnown);
    }

    [Fact]
    public void Build_OnFailError_ReturnsClientForUnreachableServer()
    {
        var config = TestServer.Config(("grpc:user:addr", $"127.0.0.1:{TestPorts.Closed()}"), ("grpc:user:onFail", "error"));

        using var client = GrpcClient.Load(config, "grpc.user").Build();

        Assert.Equal("grpc.user", client.Name);
    }

    [Fact]
    public void Load_MissingSection_ThrowsStartupErrorNamingKey()
    {
        var error = Assert.Throws<EgoStartupException>(() => GrpcClient.Load(TestServer.Config(), "grpc.missing"));

        Assert.Equal("grpc.missing", error.Key);
    }

    [Fact]
    public void Load_InvalidValues_ReportsEveryKey()
    {
        var config = TestServer.Config(("grpc:user:addr", ""), ("grpc:user:onFail", "explode"), ("grpc:user:maxRecvMsgSize", "0"));

        var error = Assert.Throws<EgoStartupException>(() => GrpcClient.Load(config, "grpc.user"));

        Assert.Contains("grpc.user.addr", error.Error);
        Assert.Contains("grpc.user.onFail", error.Error);
        Assert.Contains("grpc.user.maxRecvMsgSize", error.Error);
    }

    [Fact]
    public async Task Build_ReachableServer_GeneratedClientCallsThroughIt()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(Greeter.BindService(new GreeterImpl(new Counter()))));
        var config = TestServer.Config(("grpc:user:addr", test.Address));

        using var client = GrpcClient.Load(config, "grpc.user").Build();
        var greeter = client.CreateClient<Greeter.GreeterClient>();

        Assert.Equal("hello eve #1", await greeter.SayHello("eve"));
    }

    [Fact]
    public async Task ReadTimeout_UnaryCallWithoutDeadline_UsesItAsDefaultTimeout()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: async (request, context) =>
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return request;
        })));
        var config = TestServer.Config(("grpc:user:addr", test.Address), ("grpc:user:readTimeout", "200ms"));
        using var client = GrpcClient.Load(config, "grpc.user").Build();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.CallInvoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task ReadTimeout_StreamingCallWithoutDeadline_IsNotLimitedByIt()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(serverStreaming: async (request, responses, context) =>
        {
            await responses.WriteAsync("first");
            await Task.Delay(600, context.CancellationToken);
            await responses.WriteAsync("second");
        })));
        var config = TestServer.Config(("grpc:user:addr", test.Address), ("grpc:user:readTimeout", "200ms"));
        using var client = GrpcClient.Load(config, "grpc.user").Build();

        using var call = client.CallInvoker.AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "x");
        var received = new List<string>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            received.Add(message);
        }

        Assert.Equal(["first", "second"], received);
    }
}
