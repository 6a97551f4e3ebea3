using Ego.Discovery;
using Ego.Tests.Shared;

namespace Ego.Core.Tests.Discovery;

/// <summary>The picks of the built-in balancers, on a clock the test moves.</summary>
public sealed class BalancerTests
{
    private readonly SteppedTimeProvider clock = new();

    [Theory]
    [InlineData(Balancers.RoundRobin)]
    [InlineData(Balancers.P2cEwma)]
    [InlineData(Balancers.PickFirst)]
    public void Pick_NoEndpoint_ReturnsNull(string name)
    {
        Assert.Null(Balancers.Create(name, clock).Pick([], clock.GetTimestamp()));
    }

    [Theory]
    [InlineData(Balancers.RoundRobin)]
    [InlineData(Balancers.P2cEwma)]
    [InlineData(Balancers.PickFirst)]
    public void Pick_AllInBackoff_ReturnsNullUntilTheBackoffEnds(string name)
    {
        var subchannels = Create(3);
        foreach (var subchannel in subchannels)
        {
            subchannel.OnConnectFailed(clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        }

        var balancer = Balancers.Create(name, clock);

        Assert.Null(balancer.Pick(subchannels, clock.GetTimestamp()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(balancer.Pick(subchannels, clock.GetTimestamp()));
    }

    [Theory]
    [InlineData(Balancers.RoundRobin)]
    [InlineData(Balancers.P2cEwma)]
    [InlineData(Balancers.PickFirst)]
    public void Pick_OneInBackoff_NeverPicksIt(string name)
    {
        var subchannels = Create(3);
        subchannels[0].OnConnectFailed(clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        var balancer = Balancers.Create(name, clock);

        var picks = Enumerable.Range(0, 60).Select(_ => balancer.Pick(subchannels, clock.GetTimestamp())).ToList();

        Assert.DoesNotContain(subchannels[0], picks);
        Assert.DoesNotContain(null, picks);
    }

    [Fact]
    public void RoundRobin_ThreeEndpoints_TakesEachInTurn()
    {
        var subchannels = Create(3);
        var balancer = Balancers.Create(Balancers.RoundRobin);

        var picks = Enumerable.Range(0, 6).Select(_ => balancer.Pick(subchannels, clock.GetTimestamp())!.Endpoint.Port).ToList();

        Assert.Equal([9000, 9001, 9002, 9000, 9001, 9002], picks);
    }

    [Fact]
    public void PickFirst_FirstRecovers_ReturnsToIt()
    {
        var subchannels = Create(2);
        var balancer = Balancers.Create(Balancers.PickFirst);
        subchannels[0].OnConnectFailed(clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        Assert.Same(subchannels[1], balancer.Pick(subchannels, clock.GetTimestamp()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Same(subchannels[0], balancer.Pick(subchannels, clock.GetTimestamp()));
    }

    [Fact]
    public void P2cEwma_OneEndpointSlower_PicksTheFasterUntilTheSlowerIsDueForAForcedPick()
    {
        var subchannels = Create(2);
        Finish(subchannels[0], TimeSpan.FromMilliseconds(2));
        Finish(subchannels[1], TimeSpan.FromMilliseconds(10));
        var balancer = Balancers.Create(Balancers.P2cEwma, clock);

        // Neither was ever picked: the slower one is forced once, then the faster one wins while the slower was picked < 1 s ago.
        Assert.Same(subchannels[1], balancer.Pick(subchannels, clock.GetTimestamp()));
        for (var i = 0; i < 20; i++)
        {
            Assert.Same(subchannels[0], balancer.Pick(subchannels, clock.GetTimestamp()));
        }

        clock.Advance(TimeSpan.FromMilliseconds(1001));
        Assert.Same(subchannels[1], balancer.Pick(subchannels, clock.GetTimestamp()));
        Assert.Same(subchannels[0], balancer.Pick(subchannels, clock.GetTimestamp()));
    }

    [Fact]
    public void P2cEwma_SameLatencyMoreInFlight_PicksTheIdleOne()
    {
        var subchannels = Create(2);
        Finish(subchannels[0], TimeSpan.FromMilliseconds(5));
        Finish(subchannels[1], TimeSpan.FromMilliseconds(5));
        var balancer = Balancers.Create(Balancers.P2cEwma, clock);
        balancer.Pick(subchannels, clock.GetTimestamp());
        balancer.Pick(subchannels, clock.GetTimestamp());
        subchannels[0].OnCallStarted(clock);
        subchannels[0].OnCallStarted(clock);

        for (var i = 0; i < 10; i++)
        {
            Assert.Same(subchannels[1], balancer.Pick(subchannels, clock.GetTimestamp()));
        }
    }

    [Fact]
    public void P2cEwma_FiveEndpointsOneSlow_SlowOneGetsFewPicks()
    {
        var subchannels = Create(5);
        for (var i = 0; i < subchannels.Length; i++)
        {
            Finish(subchannels[i], TimeSpan.FromMilliseconds(i == 0 ? 50 : 2));
        }

        var balancer = Balancers.Create(Balancers.P2cEwma, clock);
        var slow = 0;
        for (var i = 0; i < 1000; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            slow += balancer.Pick(subchannels, clock.GetTimestamp()) == subchannels[0] ? 1 : 0;
        }

        // Forced picks only: about one a second of the one-second run, plus the first.
        Assert.InRange(slow, 1, 5);
    }

    private void Finish(Subchannel subchannel, TimeSpan latency)
    {
        var started = subchannel.OnCallStarted(clock);
        clock.Advance(latency);
        subchannel.OnCallFinished(clock, started, serverFailure: false);
    }

    private static Subchannel[] Create(int count)
        => [.. Enumerable.Range(0, count).Select(i => new Subchannel(new ServiceEndpoint("10.0.0.1", 9000 + i), new Uri($"http://10.0.0.1:{9000 + i}")))];
}
