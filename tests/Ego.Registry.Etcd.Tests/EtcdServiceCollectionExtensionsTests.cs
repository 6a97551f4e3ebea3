using Ego.FailFast;
using Ego.Grpc;
using Ego.Hosting;
using Ego.Registry.Etcd.Tests.Echo;
using Ego.Registry.Etcd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Registry.Etcd.Tests;

public sealed class EtcdServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> Environment = new() { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") };

    [Fact]
    public async Task AddEgoEtcdRegistry_NoEtcdSection_StartFailsNamingTheKeyBeforeAnyServerStarts()
    {
        var builder = EgoApplication.CreateBuilder(["--server.grpc.host=127.0.0.1", "--server.grpc.port=0"], Environment);
        builder.Services.AddEgoGrpcServer().AddService<EchoService>();
        builder.Services.AddSingleton(new InstanceName("a"));
        builder.Services.AddEgoEtcdRegistry();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<EgoStartupException>(() => app.StartAsync());

        Assert.Equal("etcd", error.Key);
        Assert.Empty(app.Services.GetRequiredKeyedService<GrpcServer>("server.grpc").Addresses);
    }

    [Fact]
    public async Task AddEgoEtcdRegistry_InvalidRegistryValue_StartFailsNamingTheKey()
    {
        var builder = EgoApplication.CreateBuilder(["--etcd.addrs.0=127.0.0.1:2379", "--registry.serviceTTL=100ms"], Environment);
        builder.Services.AddEgoEtcdRegistry();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<EgoStartupException>(() => app.StartAsync());

        Assert.Equal("registry", error.Key);
        Assert.Contains("registry.serviceTTL", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEgoEtcdRegistry_GrpcClientAddrEtcd_CallsReachTheRegisteredInstance()
    {
        var etcd = await SharedEtcd.EndpointAsync();
        var prefix = SharedEtcd.UniquePrefix();
        await using var server = await EchoInstance.StartAsync(etcd, prefix, "echo", "registered");
        var builder = EgoApplication.CreateBuilder(["--ego_name=caller", "--etcd.addrs.0=" + etcd, "--registry.prefix=" + prefix, "--grpc.echo.addr=etcd:///echo", "--grpc.echo.readTimeout=10s"], Environment);
        builder.Services.AddEgoEtcdRegistry();
        builder.Services.AddEgoGrpcClient<Echo.Echo.EchoClient>("grpc.echo");
        await using var app = builder.Build();
        await app.StartAsync();

        var reply = await app.Services.GetRequiredService<Echo.Echo.EchoClient>().WhoAsync(new WhoRequest { Caller = "test" });

        Assert.Equal("registered", reply.Instance);
        await app.StopAsync();
    }
}
