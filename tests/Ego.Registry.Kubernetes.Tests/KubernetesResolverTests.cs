using Ego.Registry.Kubernetes.Internal;
using Ego.Registry.Kubernetes.Tests.Fakes;
using static Ego.Registry.Kubernetes.Tests.Fakes.FakeKubernetesApi;

namespace Ego.Registry.Kubernetes.Tests;

public sealed class KubernetesResolverTests
{
    private static readonly (string, int)[] GrpcPort = [("grpc", 9002)];

    [Fact]
    public async Task WatchAsync_SlicesListed_YieldsReadyEndpointsOfAllSlicesMerged()
    {
        await using var harness = await ResolverHarness.StartAsync();
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", GrpcPort, "10.0.0.1", "10.0.0.2!"));
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-b", "orders", GrpcPort, "10.0.0.3"));
        harness.Api.Put(Slices, "shop", "payments", ApiObjects.Slice("payments-a", "payments", GrpcPort, "10.0.9.9"));
        harness.Api.Put(Slices, "other", "orders", ApiObjects.Slice("orders-x", "orders", GrpcPort, "10.0.8.8"));

        var reader = harness.Watch("k8s:///orders.shop:9002");

        Assert.Equal(["10.0.0.1:9002", "10.0.0.3:9002"], await reader.NextAsync());
        var first = reader.Last.Single(e => e.Host == "10.0.0.1");
        Assert.Equal("pod-10.0.0.1", first.Attributes["pod"]);
        Assert.Equal("zone-a", first.Attributes["zone"]);
    }

    [Fact]
    public async Task WatchAsync_SlicesAddedModifiedDeleted_YieldsEachNewSet()
    {
        await using var harness = await ResolverHarness.StartAsync();
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", GrpcPort, "10.0.0.1"));
        var reader = harness.Watch("k8s:///orders.shop:9002");
        Assert.Equal(["10.0.0.1:9002"], await reader.NextAsync());

        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-b", "orders", GrpcPort, "10.0.0.2"));
        Assert.Equal(["10.0.0.1:9002", "10.0.0.2:9002"], await reader.NextAsync());

        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", GrpcPort, "10.0.0.1!", "10.0.0.5"));
        Assert.Equal(["10.0.0.2:9002", "10.0.0.5:9002"], await reader.NextAsync());

        harness.Api.Delete(Slices, "shop", "orders-b");
        Assert.Equal(["10.0.0.5:9002"], await reader.NextAsync());

        harness.Api.Delete(Slices, "shop", "orders-a");
        Assert.Empty(await reader.NextAsync());
    }

    [Fact]
    public async Task WatchAsync_NamedPort_UsesThePortOfThatNameInEachSlice()
    {
        await using var harness = await ResolverHarness.StartAsync();
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", [("http", 9001), ("grpc", 9002)], "10.0.0.1"));
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-b", "orders", [("grpc", 19002)], "10.0.0.2"));
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-c", "orders", [("metrics", 9003)], "10.0.0.3"));

        var reader = harness.Watch("k8s:///orders.shop:grpc");

        Assert.Equal(["10.0.0.1:9002", "10.0.0.2:19002"], await reader.NextAsync());
    }

    [Fact]
    public async Task WatchAsync_BookmarkThenWatchEnds_NextWatchStartsFromBookmarkVersion()
    {
        await using var harness = await ResolverHarness.StartAsync();
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", GrpcPort, "10.0.0.1"));
        var reader = harness.Watch("k8s:///orders.shop:9002");
        await reader.NextAsync();
        var first = await harness.Api.WaitForRequestAsync(r => r.Watch);

        var bookmark = harness.Api.Bookmark(Slices);
        harness.Api.EndWatches();

        var next = await harness.Api.WaitForRequestAsync(r => r.Watch, first.Index + 1);
        Assert.Equal(bookmark, next.ResourceVersion);
        Assert.DoesNotContain(harness.Api.Requests(), r => !r.Watch && r.Index > first.Index);
    }

    [Fact]
    public async Task WatchAsync_WatchTimesOut_WatchesAgainFromLastEventVersion()
    {
        await using var harness = await ResolverHarness.StartAsync();
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", GrpcPort, "10.0.0.1"));
        var reader = harness.Watch("k8s:///orders.shop:9002");
        await reader.NextAsync();
        var first = await harness.Api.WaitForRequestAsync(r => r.Watch);
        var version = harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-b", "orders", GrpcPort, "10.0.0.2"));
        Assert.Equal(["10.0.0.1:9002", "10.0.0.2:9002"], await reader.NextAsync());

        harness.Api.EndWatches();

        var next = await harness.Api.WaitForRequestAsync(r => r.Watch, first.Index + 1);
        Assert.Equal(version, next.ResourceVersion);
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-c", "orders", GrpcPort, "10.0.0.3"));
        Assert.Equal(["10.0.0.1:9002", "10.0.0.2:9002", "10.0.0.3:9002"], await reader.NextAsync());
    }

    [Theory]
    [InlineData(GoneMode.HttpStatus)]
    [InlineData(GoneMode.ErrorEvent)]
    public async Task WatchAsync_VersionExpired_ListsAgainAndYieldsWhatWasMissed(GoneMode gone)
    {
        await using var harness = await ResolverHarness.StartAsync();
        harness.Api.Gone = gone;
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", GrpcPort, "10.0.0.1"));
        var reader = harness.Watch("k8s:///orders.shop:9002");
        await reader.NextAsync();
        var first = await harness.Api.WaitForRequestAsync(r => r.Watch);

        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", GrpcPort, "10.0.0.1", "10.0.0.9"));
        Assert.Equal(["10.0.0.1:9002", "10.0.0.9:9002"], await reader.NextAsync());

        // A change whose event the server no longer has: only a new list can show it.
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-b", "orders", GrpcPort, "10.0.0.2"), notify: false);
        harness.Api.Compact();
        harness.Api.EndWatches();

        Assert.Equal(["10.0.0.1:9002", "10.0.0.2:9002", "10.0.0.9:9002"], await reader.NextAsync());
        var refused = await harness.Api.WaitForRequestAsync(r => r.Watch, first.Index + 1);
        Assert.Equal(gone == GoneMode.HttpStatus ? 410 : 200, refused.Status);
        await harness.Api.WaitForRequestAsync(r => !r.Watch, refused.Index + 1);
    }

    [Fact]
    public async Task WatchAsync_DiscoveryGroupNotServed_FollowsV1Endpoints()
    {
        await using var harness = await ResolverHarness.StartAsync();
        harness.Api.ServeEndpointSlices = false;
        harness.Api.Put(Endpoints, "shop", "orders", ApiObjects.Endpoints("orders", [("grpc", 9002)], "10.0.0.1", "10.0.0.2!"));
        harness.Api.Put(Endpoints, "shop", "payments", ApiObjects.Endpoints("payments", [("grpc", 9002)], "10.0.9.9"));
        var reader = harness.Watch("k8s:///orders.shop:grpc");

        Assert.Equal(["10.0.0.1:9002"], await reader.NextAsync());
        harness.Api.Put(Endpoints, "shop", "orders", ApiObjects.Endpoints("orders", [("grpc", 9002)], "10.0.0.1", "10.0.0.2"));
        Assert.Equal(["10.0.0.1:9002", "10.0.0.2:9002"], await reader.NextAsync());
        Assert.Equal(404, harness.Api.Requests().First().Status);
        Assert.Equal(EndpointSource.Endpoints, ((KubernetesResolver)reader.Resolver).Status.Source);
    }

    [Fact]
    public async Task WatchAsync_ApiDown_KeepsLastSetAndRecoversAfterBackoff()
    {
        var time = new Ego.Tests.Shared.ManualTimeProvider(TimeSpan.FromSeconds(7));
        await using var harness = await ResolverHarness.StartAsync(o => o.BackoffMin = TimeSpan.FromSeconds(7), time);
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", GrpcPort, "10.0.0.1"));
        var reader = harness.Watch("k8s:///orders.shop:9002");
        Assert.Equal(["10.0.0.1:9002"], await reader.NextAsync());
        await harness.Api.WaitForRequestAsync(r => r.Watch);
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-c", "orders", GrpcPort, "10.0.0.3"));
        Assert.Equal(["10.0.0.1:9002", "10.0.0.3:9002"], await reader.NextAsync());

        harness.Api.Down = true;
        harness.Api.EndWatches();
        await time.Armed.WaitAsync(TimeSpan.FromSeconds(60));

        var status = ((KubernetesResolver)reader.Resolver).Status;
        Assert.NotNull(status.LastError);
        Assert.Equal(2, status.Endpoints);
        Assert.False(reader.Pending().IsCompleted);

        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-b", "orders", GrpcPort, "10.0.0.2"));
        harness.Api.Down = false;
        time.Fire();

        Assert.Equal(["10.0.0.1:9002", "10.0.0.2:9002", "10.0.0.3:9002"], await reader.NextAsync());
        Assert.Null(status.LastError);
    }

    [Fact]
    public async Task Refresh_WhileBackingOff_RetriesAtOnce()
    {
        var time = new Ego.Tests.Shared.ManualTimeProvider(TimeSpan.FromSeconds(7));
        await using var harness = await ResolverHarness.StartAsync(o => o.BackoffMin = TimeSpan.FromSeconds(7), time);
        harness.Api.Down = true;
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", GrpcPort, "10.0.0.1"));
        var reader = harness.Watch("k8s:///orders.shop:9002");
        var first = reader.Pending();
        await time.Armed.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(first.IsCompleted);

        harness.Api.Down = false;
        reader.Resolver.Refresh();

        Assert.Equal(["10.0.0.1:9002"], await reader.NextAsync());
    }

    [Fact]
    public async Task DisposeAsync_ReaderWaitingForChange_EndsItsSequence()
    {
        await using var harness = await ResolverHarness.StartAsync();
        harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", GrpcPort, "10.0.0.1"));
        var reader = harness.Watch("k8s:///orders.shop:9002");
        await reader.NextAsync();
        var next = reader.Pending();

        await reader.Resolver.DisposeAsync();

        Assert.False(await next.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task WatchAsync_TokenFileRotated_SendsTheNewTokenAfterUnauthorized()
    {
        var directory = Directory.CreateTempSubdirectory("ego-k8s-token-");
        try
        {
            var tokenFile = Path.Combine(directory.FullName, "token");
            await File.WriteAllTextAsync(tokenFile, "token-1\n");
            var time = new Ego.Tests.Shared.ManualTimeProvider(TimeSpan.FromSeconds(7));
            await using var harness = await ResolverHarness.StartAsync(o => (o.Token, o.TokenFile, o.BackoffMin) = ("", tokenFile, TimeSpan.FromSeconds(7)), time);
            harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-a", "orders", GrpcPort, "10.0.0.1"));
            var reader = harness.Watch("k8s:///orders.shop:9002");
            await reader.NextAsync();
            var first = await harness.Api.WaitForRequestAsync(r => r.Watch);
            Assert.Equal("token-1", first.Token);
            harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-c", "orders", GrpcPort, "10.0.0.3"));
            Assert.Equal(["10.0.0.1:9002", "10.0.0.3:9002"], await reader.NextAsync());

            await File.WriteAllTextAsync(tokenFile, "token-2\n");
            harness.Api.Token = "token-2";
            harness.Api.EndWatches();
            await time.Armed.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Contains("401", ((KubernetesResolver)reader.Resolver).Status.LastError);
            time.Fire();

            var accepted = await harness.Api.WaitForRequestAsync(r => r.Status == 200, first.Index + 1);
            Assert.Equal("token-2", accepted.Token);
            harness.Api.Put(Slices, "shop", "orders", ApiObjects.Slice("orders-b", "orders", GrpcPort, "10.0.0.2"));
            Assert.Equal(["10.0.0.1:9002", "10.0.0.2:9002", "10.0.0.3:9002"], await reader.NextAsync());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
