using Ego.Grpc;
using Ego.Registry.Etcd.Protocol;
using Ego.Registry.Etcd.Tests.Support;
using Ego.Tests.Shared;
using Google.Protobuf;

namespace Ego.Registry.Etcd.Tests;

public sealed class EtcdClientTests
{
    private readonly string prefix = "/" + SharedEtcd.UniquePrefix() + "/";

    [Fact]
    public async Task PutAsync_ThenGetAsync_ReturnsValue()
    {
        using var client = await SharedEtcd.ClientAsync();

        var put = await client.PutAsync(prefix + "a", "one", 0, CancellationToken.None);
        var get = await client.GetAsync(prefix + "a", prefix: false, CancellationToken.None);

        var kv = Assert.Single(get.Kvs);
        Assert.Equal("one", kv.Value.ToStringUtf8());
        Assert.Equal(put.Header.Revision, kv.ModRevision);
    }

    [Fact]
    public async Task GetAsync_Prefix_ReturnsOnlyKeysUnderPrefix()
    {
        using var client = await SharedEtcd.ClientAsync();
        await client.PutAsync(prefix + "app/1", "a", 0, CancellationToken.None);
        await client.PutAsync(prefix + "app/2", "b", 0, CancellationToken.None);
        await client.PutAsync(prefix + "apq", "outside", 0, CancellationToken.None);

        var get = await client.GetAsync(prefix + "app/", prefix: true, CancellationToken.None);

        Assert.Equal(["a", "b"], get.Kvs.Select(k => k.Value.ToStringUtf8()));
    }

    [Fact]
    public async Task DeleteAsync_Prefix_RemovesEveryKeyUnderPrefix()
    {
        using var client = await SharedEtcd.ClientAsync();
        await client.PutAsync(prefix + "x/1", "a", 0, CancellationToken.None);
        await client.PutAsync(prefix + "x/2", "b", 0, CancellationToken.None);

        var deleted = await client.DeleteAsync(prefix + "x/", prefix: true, CancellationToken.None);

        Assert.Equal(2, deleted.Deleted);
        Assert.Empty((await client.GetAsync(prefix + "x/", prefix: true, CancellationToken.None)).Kvs);
    }

    [Fact]
    public async Task TxnAsync_CreateIfAbsent_OnlyFirstSucceeds()
    {
        using var client = await SharedEtcd.ClientAsync();
        TxnRequest CreateIfAbsent(string value) => new()
        {
            Compare = { new Compare { Key = ByteString.CopyFromUtf8(prefix + "lock"), Target = Compare.Types.CompareTarget.Create, Result = Compare.Types.CompareResult.Equal, CreateRevision = 0 } },
            Success = { new RequestOp { RequestPut = new PutRequest { Key = ByteString.CopyFromUtf8(prefix + "lock"), Value = ByteString.CopyFromUtf8(value) } } },
        };

        var first = await client.TxnAsync(CreateIfAbsent("first"), CancellationToken.None);
        var second = await client.TxnAsync(CreateIfAbsent("second"), CancellationToken.None);

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Equal("first", Assert.Single((await client.GetAsync(prefix + "lock", false, CancellationToken.None)).Kvs).Value.ToStringUtf8());
    }

    [Fact]
    public async Task RevokeLeaseAsync_KeyOnLease_KeyIsDeleted()
    {
        using var client = await SharedEtcd.ClientAsync();
        var lease = await client.GrantLeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await client.PutAsync(prefix + "leased", "v", lease.ID, CancellationToken.None);
        var before = await client.GetAsync(prefix + "leased", false, CancellationToken.None);

        await client.RevokeLeaseAsync(lease.ID, CancellationToken.None);

        Assert.Equal(30, lease.TTL);
        Assert.Equal(lease.ID, Assert.Single(before.Kvs).Lease);
        Assert.Empty((await client.GetAsync(prefix + "leased", false, CancellationToken.None)).Kvs);
    }

    [Fact]
    public async Task GetAsync_FirstMemberDown_FailsOverToNextMember()
    {
        var live = await SharedEtcd.EndpointAsync();
        var dead = $"127.0.0.1:{ChildProcess.FreePort()}";
        using var client = new EtcdClient(new EtcdOptions { Addrs = [dead, live] });
        using var seed = await SharedEtcd.ClientAsync();
        await seed.PutAsync(prefix + "k", "v", 0, CancellationToken.None);

        var get = await client.GetAsync(prefix + "k", false, CancellationToken.None);

        Assert.Equal("v", Assert.Single(get.Kvs).Value.ToStringUtf8());
        Assert.Equal("http://" + live, client.CurrentAddress);
    }

    [Fact]
    public async Task GetAsync_NoMemberReachable_ThrowsUnavailableNamingMembers()
    {
        var dead = $"127.0.0.1:{ChildProcess.FreePort()}";
        using var client = new EtcdClient(new EtcdOptions { Addrs = [dead] });

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetAsync("k", false, CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains(dead, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_AuthEnabled_OnlyTheUserWithPasswordIsServed()
    {
        await using var etcd = await EtcdProcess.StartAsync();
        await EtcdAdmin.EnableAuthAsync(etcd.Endpoint, "root", "s3cret");
        using var user = new EtcdClient(new EtcdOptions { Addrs = [etcd.Endpoint], Username = "root", Password = "s3cret" });
        using var anonymous = new EtcdClient(new EtcdOptions { Addrs = [etcd.Endpoint] });
        using var wrong = new EtcdClient(new EtcdOptions { Addrs = [etcd.Endpoint], Username = "root", Password = "nope" });

        await user.PutAsync("/secured", "v", 0, CancellationToken.None);
        var get = await user.GetAsync("/secured", false, CancellationToken.None);
        var anonymousError = await Assert.ThrowsAsync<RpcException>(() => anonymous.GetAsync("/secured", false, CancellationToken.None));
        var wrongError = await Assert.ThrowsAsync<RpcException>(() => wrong.GetAsync("/secured", false, CancellationToken.None));

        Assert.Equal("v", Assert.Single(get.Kvs).Value.ToStringUtf8());
        Assert.NotEqual(StatusCode.OK, anonymousError.StatusCode);
        Assert.Contains("authentication failed", wrongError.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetAsync_TokenExpired_AuthenticatesAgain()
    {
        await using var etcd = await EtcdProcess.StartAsync("--auth-token-ttl=1");
        await EtcdAdmin.EnableAuthAsync(etcd.Endpoint, "root", "s3cret");
        using var user = new EtcdClient(new EtcdOptions { Addrs = [etcd.Endpoint], Username = "root", Password = "s3cret" });
        await user.PutAsync("/secured", "v", 0, CancellationToken.None);

        // The feature is about time: etcd forgets a simple token after its TTL (1 s here) without use.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var get = await user.GetAsync("/secured", false, CancellationToken.None);

        Assert.Equal("v", Assert.Single(get.Kvs).Value.ToStringUtf8());
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingEveryKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new EtcdClient(new EtcdOptions { ReadTimeout = TimeSpan.Zero }));

        Assert.Contains("addrs", error.Message, StringComparison.Ordinal);
        Assert.Contains("readTimeout", error.Message, StringComparison.Ordinal);
    }
}
