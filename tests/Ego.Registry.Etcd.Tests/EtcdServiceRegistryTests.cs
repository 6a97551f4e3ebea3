using System.Text.Json;
using Ego.Discovery;
using Ego.Registry.Etcd.Tests.Support;
using Ego.Tests.Shared;

namespace Ego.Registry.Etcd.Tests;

public sealed class EtcdServiceRegistryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly EtcdRegistryOptions options = new() { Prefix = SharedEtcd.UniquePrefix(), ServiceTTL = TimeSpan.FromSeconds(5) };
    private readonly ServiceRegistration registration = new("orders", "grpc", "server.grpc", new ServiceEndpoint("10.0.0.7", 9002));

    [Fact]
    public async Task RegisterAsync_NewServer_KeyHoldsJsonDescriptionOnALease()
    {
        using var client = await SharedEtcd.ClientAsync();
        await using var registry = new EtcdServiceRegistry(client, options);

        await registry.RegisterAsync(registration, CancellationToken.None);

        var kv = Assert.Single((await client.GetAsync($"/{options.Prefix}/orders/providers/grpc://10.0.0.7:9002", false, CancellationToken.None)).Kvs);
        using var json = JsonDocument.Parse(kv.Value.ToStringUtf8());
        Assert.Equal("orders", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("grpc", json.RootElement.GetProperty("scheme").GetString());
        Assert.Equal("10.0.0.7:9002", json.RootElement.GetProperty("address").GetString());
        Assert.True(json.RootElement.GetProperty("enable").GetBoolean());
        Assert.NotEqual(0, kv.Lease);
    }

    [Fact]
    public async Task DeregisterAsync_Registered_KeyDeletedAndLeaseRevoked()
    {
        using var client = await SharedEtcd.ClientAsync();
        await using var registry = new EtcdServiceRegistry(client, options);
        await registry.RegisterAsync(registration, CancellationToken.None);
        var lease = Assert.Single((await client.GetAsync(registry.KeyOf(registration), false, CancellationToken.None)).Kvs).Lease;

        await registry.DeregisterAsync(registration, CancellationToken.None);

        Assert.Empty((await client.GetAsync(registry.KeyOf(registration), false, CancellationToken.None)).Kvs);
        await Assert.ThrowsAsync<Ego.Grpc.RpcException>(() => client.RevokeLeaseAsync(lease, CancellationToken.None));
    }

    [Fact]
    public async Task RegisterAsync_KeyDeletedByHand_RegisteredAgain()
    {
        using var client = await SharedEtcd.ClientAsync();
        await using var registry = new EtcdServiceRegistry(client, options);
        await registry.RegisterAsync(registration, CancellationToken.None);
        var key = registry.KeyOf(registration);

        await client.DeleteAsync(key, false, CancellationToken.None);

        await Eventually.ValueAsync(() => client.GetAsync(key, false, CancellationToken.None), r => r.Kvs.Count == 1, Wait, "re-registration after the key was deleted");
    }

    [Fact]
    public async Task RegisterAsync_LeaseRevokedByHand_RegisteredAgainOnANewLease()
    {
        using var client = await SharedEtcd.ClientAsync();
        await using var registry = new EtcdServiceRegistry(client, options);
        await registry.RegisterAsync(registration, CancellationToken.None);
        var key = registry.KeyOf(registration);
        var lease = Assert.Single((await client.GetAsync(key, false, CancellationToken.None)).Kvs).Lease;

        await client.RevokeLeaseAsync(lease, CancellationToken.None);

        var again = await Eventually.ValueAsync(() => client.GetAsync(key, false, CancellationToken.None), r => r.Kvs.Count == 1 && r.Kvs[0].Lease != lease, Wait, "re-registration on a new lease");
        Assert.NotEqual(0, again.Kvs[0].Lease);
    }

    [Fact]
    public async Task RegisterAsync_KeptAlive_OutlivesItsTtl()
    {
        using var client = await SharedEtcd.ClientAsync();
        var shortLived = new EtcdRegistryOptions { Prefix = options.Prefix, ServiceTTL = TimeSpan.FromSeconds(2) };
        await using var registry = new EtcdServiceRegistry(client, shortLived);
        await registry.RegisterAsync(registration, CancellationToken.None);
        var key = registry.KeyOf(registration);
        var lease = Assert.Single((await client.GetAsync(key, false, CancellationToken.None)).Kvs).Lease;

        // A watch on the key would see a delete at expiry; three TTLs pass without one.
        await using var watch = await client.WatchAsync(key, prefix: false, 0, CancellationToken.None);
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(6));
        var deletes = 0;
        try
        {
            await foreach (var response in watch.ReadAllAsync(window.Token))
            {
                deletes += response.Events.Count(e => e.Type == Protocol.Event.Types.EventType.Delete);
            }
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Equal(0, deletes);
        Assert.Equal(lease, Assert.Single((await client.GetAsync(key, false, CancellationToken.None)).Kvs).Lease);
    }

    [Fact]
    public async Task RegisterAsync_EtcdDown_ThrowsThenRegistersOnceEtcdIsBack()
    {
        await using var etcd = await EtcdProcess.StartAsync();
        using var client = new EtcdClient(new EtcdOptions { Addrs = [etcd.Endpoint], ConnectTimeout = TimeSpan.FromSeconds(1), ReadTimeout = TimeSpan.FromSeconds(2) });
        await using var registry = new EtcdServiceRegistry(client, options);
        await etcd.KillAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => registry.RegisterAsync(registration, CancellationToken.None));
        await etcd.RestartAsync();

        await Eventually.ValueAsync(() => client.GetAsync(registry.KeyOf(registration), false, CancellationToken.None), r => r.Kvs.Count == 1, Wait, "registration once etcd is back");
    }

    [Fact]
    public async Task RegisterAsync_TwoMembersFirstDown_RegistersOnTheOther()
    {
        var live = await SharedEtcd.EndpointAsync();
        using var client = new EtcdClient(new EtcdOptions { Addrs = [$"127.0.0.1:{ChildProcess.FreePort()}", live] });
        await using var registry = new EtcdServiceRegistry(client, options);

        await registry.RegisterAsync(registration, CancellationToken.None);

        using var reader = await SharedEtcd.ClientAsync();
        Assert.Single((await reader.GetAsync(registry.KeyOf(registration), false, CancellationToken.None)).Kvs);
    }
}
