using System.Text.Json.Nodes;
using Ego.Components;
using Ego.Discovery;
using Ego.FailFast;
using Ego.Grpc.Tests.Support;
using Ego.Hosting;
using Ego.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Grpc.Tests.Discovery;

public sealed class GrpcClientDiscoveryTests
{
    private static readonly Dictionary<string, string?> Environment = new() { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") };

    [Fact]
    public void Build_UnknownScheme_ThrowsStartupErrorNamingAddrAndKnownSchemes()
    {
        var config = TestServer.Config(("grpc:user:addr", "consul:///user"));

        var error = Assert.Throws<EgoStartupException>(() => GrpcClient.Load(config, "grpc.user").Build());

        Assert.Contains("grpc.user.addr", error.Error);
        Assert.Contains("unknown resolver scheme 'consul'", error.Error);
        Assert.Contains("dns, static", error.Error);
    }

    [Fact]
    public void Load_UnknownBalancer_ReportsTheKeyAndTheChoices()
    {
        var config = TestServer.Config(("grpc:user:addr", "127.0.0.1:1"), ("grpc:user:balancerName", "random"), ("grpc:user:dnsRefreshInterval", "0s"));

        var error = Assert.Throws<EgoStartupException>(() => GrpcClient.Load(config, "grpc.user"));

        Assert.Contains("grpc.user.balancerName: 'random' is not supported: expected round_robin, p2c_ewma, pick_first", error.Error);
        Assert.Contains("grpc.user.dnsRefreshInterval", error.Error);
    }

    [Fact]
    public async Task AddEgoGrpcClient_ResolverFactoryInServices_ResolvesItsSchemeAndListsEndpoints()
    {
        await using var server = await TestServer.StartAsync(b => b.AddService(new GreeterImpl(new Counter())));
        var endpoint = new ServiceEndpoint("127.0.0.1", new Uri("http://" + server.Address).Port);
        var builder = EgoApplication.CreateBuilder(["--grpc.user.addr=etcd:///user", "--grpc.user.balancerName=p2c_ewma"], Environment);
        builder.Services.AddSingleton<IServiceResolverFactory>(new FixedResolverFactory("etcd", [endpoint]));
        builder.Services.AddEgoGrpcClient<Greeter.GreeterClient>("grpc.user");
        await using var app = builder.Build();
        await app.StartAsync();

        var reply = await app.Services.GetRequiredService<Greeter.GreeterClient>().SayHello("ego");
        var stats = app.Services.GetServices<IGovernorStats>().Single(s => s.Name == "grpc.user").Snapshot();
        await app.StopAsync();

        Assert.StartsWith("hello ego #", reply);
        Assert.Equal("etcd:///user", (string?)stats["addr"]);
        Assert.Equal("p2c_ewma", (string?)stats["balancer"]);
        var listed = Assert.Single(stats["endpoints"]!.AsArray())!.AsObject();
        Assert.Equal(endpoint.Address, (string?)listed["address"]);
        Assert.Equal("ready", (string?)listed["state"]);
        Assert.Equal(1, (long?)listed["calls"]);
    }
}
