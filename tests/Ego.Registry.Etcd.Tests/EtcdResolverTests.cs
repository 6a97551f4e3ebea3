using Ego.Discovery;
using Ego.Registry.Etcd.Tests.Support;

namespace Ego.Registry.Etcd.Tests;

public sealed class EtcdResolverTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly EtcdRegistryOptions options = new() { Prefix = SharedEtcd.UniquePrefix() };

    [Fact]
    public async Task WatchAsync_InstancesRegistered_FirstListHasThemWithAttributes()
    {
        using var client = await SharedEtcd.ClientAsync();
        await using var registry = new EtcdServiceRegistry(client, options);
        var attributes = new Dictionary<string, string> { ["weight"] = "50", ["zone"] = "z1" };
        await registry.RegisterAsync(Grpc("10.0.0.1", 9002, attributes), CancellationToken.None);
        await registry.RegisterAsync(Grpc("10.0.0.2", 9002), CancellationToken.None);
        await using var resolver = Factory(client).Create(ResolverTarget.Parse("etcd:///orders"));

        var lists = Lists(resolver);
        var first = await lists.NextAsync();

        Assert.Equal(["10.0.0.1:9002", "10.0.0.2:9002"], first.Select(e => e.Address));
        Assert.Equal("50", first[0].Attributes["weight"]);
        Assert.Equal("z1", first[0].Attributes["zone"]);
        Assert.Equal("server.grpc", first[0].Attributes["serverName"]);
        await lists.DisposeAsync();
    }

    [Fact]
    public async Task WatchAsync_InstanceAddedThenRemoved_ListFollows()
    {
        using var client = await SharedEtcd.ClientAsync();
        await using var registry = new EtcdServiceRegistry(client, options);
        await using var resolver = Factory(client).Create(ResolverTarget.Parse("etcd:///orders"));
        await using var lists = Lists(resolver);
        Assert.Empty(await lists.NextAsync());

        await registry.RegisterAsync(Grpc("10.0.0.1", 9002), CancellationToken.None);
        var added = await lists.NextAsync();
        await registry.DeregisterAsync(Grpc("10.0.0.1", 9002), CancellationToken.None);
        var removed = await lists.NextAsync();

        Assert.Equal(["10.0.0.1:9002"], added.Select(e => e.Address));
        Assert.Empty(removed);
    }

    [Fact]
    public async Task WatchAsync_HttpScheme_OnlyHttpServers()
    {
        using var client = await SharedEtcd.ClientAsync();
        await using var registry = new EtcdServiceRegistry(client, options);
        await registry.RegisterAsync(Grpc("10.0.0.1", 9002), CancellationToken.None);
        await registry.RegisterAsync(new ServiceRegistration("orders", "http", "server.http", new ServiceEndpoint("10.0.0.1", 9001)), CancellationToken.None);
        await using var grpc = Factory(client).Create(ResolverTarget.Parse("etcd:///orders"));
        await using var http = Factory(client).Create(ResolverTarget.Parse("etcd:///orders?scheme=http"));

        await using var grpcLists = Lists(grpc);
        await using var httpLists = Lists(http);

        Assert.Equal(["10.0.0.1:9002"], (await grpcLists.NextAsync()).Select(e => e.Address));
        Assert.Equal(["10.0.0.1:9001"], (await httpLists.NextAsync()).Select(e => e.Address));
    }

    [Fact]
    public async Task WatchAsync_EtcdDownThenBack_KeepsLastListAndFollowsChangesAfterwards()
    {
        await using var etcd = await EtcdProcess.StartAsync();
        using var client = new EtcdClient(new EtcdOptions { Addrs = [etcd.Endpoint], ConnectTimeout = TimeSpan.FromSeconds(1), ReadTimeout = TimeSpan.FromSeconds(2) });
        await client.PutAsync(EtcdServiceKey.Format(options.Prefix, "orders", "grpc", new ServiceEndpoint("10.0.0.1", 9002)), "{}", 0, CancellationToken.None);
        await using var resolver = Factory(client).Create(ResolverTarget.Parse("etcd:///orders"));
        await using var lists = Lists(resolver);
        var before = await lists.NextAsync();

        await etcd.KillAsync();
        await etcd.RestartAsync();
        await client.PutAsync(EtcdServiceKey.Format(options.Prefix, "orders", "grpc", new ServiceEndpoint("10.0.0.2", 9002)), "{}", 0, CancellationToken.None);
        var after = await lists.NextAsync();

        Assert.Equal(["10.0.0.1:9002"], before.Select(e => e.Address));
        Assert.Equal(["10.0.0.1:9002", "10.0.0.2:9002"], after.Select(e => e.Address));
    }

    [Fact]
    public async Task WatchAsync_EtcdDown_PublishesNothingUntilBack()
    {
        await using var etcd = await EtcdProcess.StartAsync();
        using var client = new EtcdClient(new EtcdOptions { Addrs = [etcd.Endpoint], ConnectTimeout = TimeSpan.FromSeconds(1), ReadTimeout = TimeSpan.FromSeconds(2) });
        await client.PutAsync(EtcdServiceKey.Format(options.Prefix, "orders", "grpc", new ServiceEndpoint("10.0.0.1", 9002)), "{}", 0, CancellationToken.None);
        await using var resolver = Factory(client).Create(ResolverTarget.Parse("etcd:///orders"));
        await using var lists = Lists(resolver);
        await lists.NextAsync();

        await etcd.KillAsync();
        var during = lists.NextAsync();
        var published = await Task.WhenAny(during, Task.Delay(TimeSpan.FromSeconds(3)));

        Assert.NotSame(during, published);
    }

    [Fact]
    public async Task WatchAsync_KeyOfAnotherLayout_Ignored()
    {
        using var client = await SharedEtcd.ClientAsync();
        await client.PutAsync(EtcdServiceKey.AppPrefix(options.Prefix, "orders") + "not-an-address", "{}", 0, CancellationToken.None);
        await client.PutAsync(EtcdServiceKey.Format(options.Prefix, "orders", "grpc", new ServiceEndpoint("10.0.0.1", 9002)), "not json", 0, CancellationToken.None);
        await using var resolver = Factory(client).Create(ResolverTarget.Parse("etcd:///orders"));

        await using var lists = Lists(resolver);

        Assert.Equal(["10.0.0.1:9002"], (await lists.NextAsync()).Select(e => e.Address));
    }

    private static ServiceRegistration Grpc(string host, int port, Dictionary<string, string>? attributes = null)
        => new("orders", "grpc", "server.grpc", new ServiceEndpoint(host, port, attributes ?? []));

    private EtcdResolverFactory Factory(EtcdClient client) => new(client, options);

    private static ListReader Lists(IServiceResolver resolver) => new(resolver);

    /// <summary>Reads the resolver's lists one at a time, each within a bounded wait.</summary>
    private sealed class ListReader : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly IAsyncEnumerator<IReadOnlyList<ServiceEndpoint>> lists;
        private Task<bool> pending = Task.FromResult(false);

        public ListReader(IServiceResolver resolver) => lists = resolver.WatchAsync(stop.Token).GetAsyncEnumerator();

        public async Task<IReadOnlyList<ServiceEndpoint>> NextAsync()
        {
            pending = lists.MoveNextAsync().AsTask();
            Assert.True(await pending.WaitAsync(Wait), "the resolver stopped publishing");
            return lists.Current;
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await Record.ExceptionAsync(() => pending.WaitAsync(Wait));
            await lists.DisposeAsync();
            stop.Dispose();
        }
    }
}
