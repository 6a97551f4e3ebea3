using Ego.Discovery;

namespace Ego.Core.Tests.Discovery;

public sealed class BalancedEndpointsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Publish_SetChanges_KeepsTheFiguresOfEndpointsThatStay()
    {
        var resolver = new StubResolver(ResolverTarget.Parse("etcd:///orders"));
        await using var endpoints = new BalancedEndpoints(resolver, Balancers.Create(Balancers.RoundRobin));
        resolver.Publish(new ServiceEndpoint("10.0.0.1", 1), new ServiceEndpoint("10.0.0.2", 1));
        await endpoints.Resolved.WaitAsync(Wait);
        var kept = endpoints.Subchannels[1];
        kept.OnCallFinished(TimeProvider.System, kept.OnCallStarted(TimeProvider.System), serverFailure: false);

        resolver.Publish(new ServiceEndpoint("10.0.0.2", 1), new ServiceEndpoint("10.0.0.3", 1));
        await WaitUntilAsync(() => endpoints.Subchannels[0].Endpoint.Host == "10.0.0.2");

        Assert.Same(kept, endpoints.Subchannels[0]);
        Assert.Equal(1, endpoints.Subchannels[0].Calls);
        Assert.Equal(["10.0.0.2:1", "10.0.0.3:1"], endpoints.Subchannels.Select(s => s.Endpoint.Address));
    }

    [Fact]
    public async Task Pick_EmptySet_ReturnsNullAndDescribesTheTarget()
    {
        var resolver = new StubResolver(ResolverTarget.Parse("k8s:///orders.shop:9002"));
        await using var endpoints = new BalancedEndpoints(resolver, Balancers.Create(Balancers.RoundRobin));
        resolver.Publish();
        await endpoints.Resolved.WaitAsync(Wait);

        Assert.Null(endpoints.Pick());
        Assert.Equal("no endpoint available for target 'k8s:///orders.shop:9002': the resolver found no endpoint", endpoints.DescribeUnavailable());
    }

    [Fact]
    public async Task Resolved_ResolverFailsBeforeAnySet_CompletesAndNamesTheError()
    {
        var resolver = new StubResolver(ResolverTarget.Parse("etcd:///orders"));
        await using var endpoints = new BalancedEndpoints(resolver, Balancers.Create(Balancers.PickFirst));

        resolver.Fail("etcd 127.0.0.1:2379 unreachable");
        await endpoints.Resolved.WaitAsync(Wait);

        Assert.Null(endpoints.Pick());
        Assert.Contains("last resolver error: etcd 127.0.0.1:2379 unreachable", endpoints.DescribeUnavailable());
    }

    [Fact]
    public async Task OnConnectFailed_Endpoint_AsksTheResolverToLookAgain()
    {
        var resolver = new StubResolver(ResolverTarget.Parse("dns:///orders:1"));
        await using var endpoints = new BalancedEndpoints(resolver, Balancers.Create(Balancers.RoundRobin));
        resolver.Publish(new ServiceEndpoint("10.0.0.1", 1));
        await endpoints.Resolved.WaitAsync(Wait);

        endpoints.OnConnectFailed(endpoints.Subchannels[0], TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        Assert.Equal(1, resolver.Refreshes);
        Assert.Null(endpoints.Pick());
        Assert.Contains("all 1 endpoints failed to connect", endpoints.DescribeUnavailable());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }
}
