using System.Collections.Concurrent;
using Ego.Discovery;
using Ego.Grpc.Tests.Support;
using Ego.Tests.Shared;

namespace Ego.Grpc.Tests.Discovery;

public sealed class GrpcChannelDiscoveryTests
{
    [Fact]
    public async Task ForAddress_TwoServersRoundRobin_SpreadsCallsEvenly()
    {
        var hits = new ConcurrentDictionary<string, int>();
        await using var first = await StartNamedAsync("a", hits);
        await using var second = await StartNamedAsync("b", hits);
        using var channel = GrpcChannel.ForAddress($"{first.Address},{second.Address}");

        for (var i = 0; i < 10; i++)
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");
        }

        Assert.Equal(5, hits["a"]);
        Assert.Equal(5, hits["b"]);
    }

    [Fact]
    public async Task Call_OneEndpointRefusesConnections_SkipsItAndSucceeds()
    {
        var hits = new ConcurrentDictionary<string, int>();
        await using var live = await StartNamedAsync("live", hits);
        using var channel = GrpcChannel.ForAddress($"127.0.0.1:{TestPorts.Closed()},{live.Address}");

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal("x", await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        }

        Assert.Equal(6, hits["live"]);
        var dead = channel.Endpoints.Subchannels[0];
        Assert.True(dead.ConnectFailures >= 1);
        Assert.False(dead.IsReady(TimeProvider.System.GetTimestamp()));
    }

    [Fact]
    public async Task Call_FailedEndpointStartsListening_GetsCallsAgainAfterItsBackoff()
    {
        var hits = new ConcurrentDictionary<string, int>();
        var port = TestPorts.Closed();
        await using var live = await StartNamedAsync("live", hits);
        using var channel = GrpcChannel.ForAddress($"127.0.0.1:{port},{live.Address}");
        var invoker = channel.CreateCallInvoker();
        await invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");
        Assert.True(channel.Endpoints.Subchannels[0].ConnectFailures >= 1);

        var builder = GrpcServer.Load(TestServer.Config(("server:grpc:host", "127.0.0.1"), ("server:grpc:port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        builder.AddService(EchoService.Create(unary: (request, _) =>
        {
            hits.AddOrUpdate("recovered", 1, static (_, n) => n + 1);
            return Task.FromResult(request);
        }));
        await using var recovered = builder.Build();
        await recovered.StartAsync(CancellationToken.None);
        for (var i = 0; i < 2000 && !hits.ContainsKey("recovered"); i++)
        {
            await invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");
            await Task.Delay(10);
        }

        Assert.True(hits.ContainsKey("recovered"), "the endpoint that came back never got a call");
        Assert.Equal(0, channel.Endpoints.Subchannels[0].ConnectFailures);
    }

    [Fact]
    public async Task Call_NoEndpointResolved_IsUnavailableAtOnceNamingTheTarget()
    {
        var options = new GrpcChannelOptions { Resolvers = new ResolverRegistry([new FixedResolverFactory("fixed", [])]) };
        using var channel = GrpcChannel.ForAddress("fixed:///orders", options);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(deadline: DateTime.UtcNow.AddMinutes(1)), "x"));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("fixed:///orders", error.Status.Detail);
        Assert.Contains("no endpoint", error.Status.Detail);
    }

    [Fact]
    public async Task Call_WithoutDeadlineWhileTheResolverNeverAnswers_IsUnavailableAfterTheConnectTimeout()
    {
        var options = new GrpcChannelOptions
        {
            Resolvers = new ResolverRegistry([new SilentResolverFactory("silent")]),
            ConnectTimeout = TimeSpan.FromMilliseconds(200),
        };
        using var channel = GrpcChannel.ForAddress("silent:///orders", options);

        var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("silent:///orders", error.Status.Detail);
        Assert.Contains("not resolved yet", error.Status.Detail);
    }

    [Fact]
    public async Task Call_AllEndpointsRefuse_IsUnavailableNamingTheTarget()
    {
        using var channel = GrpcChannel.ForAddress($"127.0.0.1:{TestPorts.Closed()},127.0.0.1:{TestPorts.Closed()}");
        var invoker = channel.CreateCallInvoker();
        await Assert.ThrowsAsync<RpcException>(async () => await invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("all 2 endpoints failed to connect", error.Status.Detail);
    }

    [Fact]
    public async Task ForAddress_PluginScheme_CallsTheResolvedEndpoints()
    {
        var hits = new ConcurrentDictionary<string, int>();
        await using var server = await StartNamedAsync("registered", hits);
        var endpoint = new ServiceEndpoint("127.0.0.1", new Uri("http://" + server.Address).Port);
        var options = new GrpcChannelOptions { Resolvers = new ResolverRegistry([new FixedResolverFactory("etcd", [endpoint])]) };
        using var channel = GrpcChannel.ForAddress("etcd:///orders", options);

        await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");

        Assert.Equal(1, hits["registered"]);
        Assert.Equal([new Uri("http://" + server.Address)], channel.Targets);
    }

    [Fact]
    public void ForAddress_StaticList_ListsTheTargetsAtOnce()
    {
        using var channel = GrpcChannel.ForAddress("10.0.0.7:9002,https://orders.example:8443");

        Assert.True(channel.Endpoints.Resolved.IsCompleted);
        Assert.Equal([new Uri("http://10.0.0.7:9002"), new Uri("https://orders.example:8443")], channel.Targets);
    }

    [Fact]
    public void ForAddress_UnknownScheme_ThrowsListingTheKnownSchemes()
    {
        var error = Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("zk:///orders"));

        Assert.Contains("unknown resolver scheme 'zk'", error.Message);
        Assert.Contains("dns, static", error.Message);
    }

    [Fact]
    public void ForAddress_UnknownBalancer_ThrowsListingTheBalancers()
    {
        var error = Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("127.0.0.1:1", new GrpcChannelOptions { BalancerName = "random" }));

        Assert.Contains("round_robin, p2c_ewma, pick_first", error.Message);
    }

    [Fact]
    public async Task ForAddress_DnsLocalhost_ResolvesAndCalls()
    {
        var hits = new ConcurrentDictionary<string, int>();
        await using var server = await StartNamedAsync("dns", hits);
        using var channel = GrpcChannel.ForAddress($"dns:///127.0.0.1:{new Uri("http://" + server.Address).Port}");

        Assert.Equal("x", await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        Assert.Equal(1, hits["dns"]);
    }

    private static Task<TestServer> StartNamedAsync(string name, ConcurrentDictionary<string, int> hits)
        => TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (request, _) =>
        {
            hits.AddOrUpdate(name, 1, static (_, n) => n + 1);
            return Task.FromResult(request);
        })));
}
