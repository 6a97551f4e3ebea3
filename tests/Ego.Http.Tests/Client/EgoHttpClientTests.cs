using System.Net;
using System.Net.Sockets;
using Ego.Components;
using Ego.Discovery;
using Ego.FailFast;
using Ego.Grpc.Errors;
using Ego.Hosting;
using Ego.Http.Client;
using Ego.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Http.Tests.Client;

public sealed class EgoHttpClientTests
{
    private static readonly Dictionary<string, string?> Environment = new() { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") };

    [Fact]
    public async Task GetFromJsonAsync_TwoServersRoundRobin_SpreadsRequestsEvenly()
    {
        await using var a = await NamedServer.StartAsync("a");
        await using var b = await NamedServer.StartAsync("b");
        using var client = Build(("addr", $"{a.Authority},{b.Authority}"));

        var names = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            names.Add((await client.GetFromJsonAsync<NamedServer.Reply>("/who"))!.Name);
        }

        Assert.Equal(3, names.Count(n => n == "a"));
        Assert.Equal(3, names.Count(n => n == "b"));
    }

    [Fact]
    public async Task PostAsJsonAsync_Body_ReachesTheServerWithTheAppHeader()
    {
        await using var server = await NamedServer.StartAsync("a");
        using var client = EgoHttpClient.Load(Config(("addr", server.Authority)), "http.user").UseEnvironment(new EgoEnvironment { AppName = "caller" }).Build();

        var reply = await client.PostAsJsonAsync<NamedServer.Reply, NamedServer.Reply>("/echo", new NamedServer.Reply("hi"));

        Assert.Equal("a:hi", reply!.Name);
        Assert.Equal("caller", server.LastApp);
    }

    [Fact]
    public async Task SendAsync_ErrorBody_ThrowsTheRegisteredEgoError()
    {
        await using var server = await NamedServer.StartAsync("a");
        using var client = Build(("addr", server.Authority));

        var error = await Assert.ThrowsAsync<EgoError>(() => client.GetFromJsonAsync<NamedServer.Reply>("/orders/7"));

        Assert.True(NamedServer.OrderClosed.Is(error));
        Assert.Equal("7", error.Metadata["id"]);
    }

    [Fact]
    public async Task Request_OneEndpointRefusesConnections_GoesToTheOther()
    {
        await using var live = await NamedServer.StartAsync("live");
        using var client = Build(("addr", $"127.0.0.1:{ClosedPort()},{live.Authority}"));

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("live", (await client.GetFromJsonAsync<NamedServer.Reply>("/who"))!.Name);
        }

        Assert.Equal(4, live.Requests);
        Assert.True(client.Endpoints.Subchannels[0].ConnectFailures >= 1);
    }

    [Fact]
    public async Task Request_NoEndpointResolved_ThrowsAtOnceNamingTheTarget()
    {
        using var client = EgoHttpClient.Load(Config(("addr", "etcd:///orders")), "http.user").UseResolvers([new FixedResolverFactory("etcd")]).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.HttpClient.GetAsync("/who"));

        Assert.Contains("no endpoint available for target 'etcd:///orders'", error.Message);
    }

    [Fact]
    public async Task Request_AbsoluteUriToAnotherHost_IsNotRewritten()
    {
        await using var balanced = await NamedServer.StartAsync("balanced");
        await using var other = await NamedServer.StartAsync("other");
        using var client = Build(("addr", balanced.Authority));

        using var response = await client.HttpClient.GetAsync($"http://{other.Authority}/who");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, other.Requests);
        Assert.Equal(0, balanced.Requests);
    }

    [Fact]
    public void Build_UnknownScheme_ThrowsStartupErrorListingTheKnownSchemes()
    {
        var error = Assert.Throws<EgoStartupException>(() => Build(("addr", "zk:///orders")));

        Assert.Contains("http.user.addr", error.Error);
        Assert.Contains("known schemes are dns, static", error.Error);
    }

    [Fact]
    public void Load_InvalidValues_ReportsEveryKey()
    {
        var error = Assert.Throws<EgoStartupException>(() => EgoHttpClient.Load(Config(("addr", ""), ("balancerName", "least"), ("dialTimeout", "0s"), ("slowLogThreshold", "-1s")), "http.user"));

        Assert.Contains("http.user.addr", error.Error);
        Assert.Contains("http.user.balancerName: 'least' is not supported: expected round_robin, p2c_ewma, pick_first", error.Error);
        Assert.Contains("http.user.dialTimeout", error.Error);
        Assert.Contains("http.user.slowLogThreshold", error.Error);
    }

    [Fact]
    public void Build_Options_AppliesReadTimeout()
    {
        using var client = Build(("addr", "127.0.0.1:1"), ("readTimeout", "750ms"));

        Assert.Equal(TimeSpan.FromMilliseconds(750), client.HttpClient.Timeout);
    }

    [Fact]
    public async Task AddEgoHttpClient_ResolverFactoryInServices_CallsAndListsEndpoints()
    {
        await using var server = await NamedServer.StartAsync("registered");
        var builder = EgoApplication.CreateBuilder(["--http.user.addr=k8s:///user.shop:80", "--http.user.balancerName=pick_first"], Environment);
        builder.Services.AddSingleton<IServiceResolverFactory>(new FixedResolverFactory("k8s", new ServiceEndpoint("127.0.0.1", server.Port)));
        builder.Services.AddEgoHttpClient("http.user");
        await using var app = builder.Build();
        await app.StartAsync();

        var reply = await app.Services.GetRequiredKeyedService<EgoHttpClient>("http.user").GetFromJsonAsync<NamedServer.Reply>("/who");
        var stats = app.Services.GetServices<IGovernorStats>().Single(s => s.Name == "http.user").Snapshot();
        await app.StopAsync();

        Assert.Equal("registered", reply!.Name);
        Assert.Equal("http", (string?)stats["type"]);
        Assert.Equal("pick_first", (string?)stats["balancer"]);
        var endpoint = Assert.Single(stats["endpoints"]!.AsArray())!.AsObject();
        Assert.Equal($"127.0.0.1:{server.Port}", (string?)endpoint["address"]);
        Assert.Equal(1, (long?)endpoint["calls"]);
    }

    private static EgoHttpClient Build(params (string Key, string Value)[] settings) => EgoHttpClient.Load(Config(settings), "http.user").Build();

    private static IConfiguration Config(params (string Key, string Value)[] settings)
        => new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("http:user:" + s.Key, s.Value))).Build();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
