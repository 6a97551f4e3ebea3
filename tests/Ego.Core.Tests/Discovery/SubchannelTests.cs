using Ego.Discovery;
using Ego.Tests.Shared;

namespace Ego.Core.Tests.Discovery;

public sealed class SubchannelTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(1);

    [Fact]
    public void OnConnectFailed_RepeatedFailures_BackoffDoublesUpToTheMaximum()
    {
        var clock = new SteppedTimeProvider();
        var subchannel = Create();

        subchannel.OnConnectFailed(clock, Initial, Max);
        Assert.False(subchannel.IsReady(clock.GetTimestamp()));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(subchannel.IsReady(clock.GetTimestamp()));

        subchannel.OnConnectFailed(clock, Initial, Max);
        clock.Advance(TimeSpan.FromMilliseconds(150));
        Assert.False(subchannel.IsReady(clock.GetTimestamp()));
        clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.True(subchannel.IsReady(clock.GetTimestamp()));

        for (var i = 0; i < 10; i++)
        {
            subchannel.OnConnectFailed(clock, Initial, Max);
        }

        clock.Advance(Max);
        Assert.True(subchannel.IsReady(clock.GetTimestamp()));
        Assert.Equal(12, subchannel.ConnectFailures);
    }

    [Fact]
    public void OnCallFinished_Success_ResetsConnectFailures()
    {
        var clock = new SteppedTimeProvider();
        var subchannel = Create();
        subchannel.OnConnectFailed(clock, Initial, Max);

        subchannel.OnCallFinished(clock, subchannel.OnCallStarted(clock), serverFailure: false);

        Assert.Equal(0, subchannel.ConnectFailures);
        Assert.Equal(0, subchannel.InFlight);
        Assert.Equal(1, subchannel.Calls);
    }

    [Fact]
    public void OnCallFinished_LaterCall_FoldsLatencyWithTenSecondDecay()
    {
        var clock = new SteppedTimeProvider();
        var subchannel = Create();
        var first = subchannel.OnCallStarted(clock);
        clock.Advance(TimeSpan.FromMilliseconds(2));
        subchannel.OnCallFinished(clock, first, serverFailure: false);
        Assert.Equal(2_000_000, subchannel.LatencyNanos);

        var second = subchannel.OnCallStarted(clock);
        clock.Advance(TimeSpan.FromSeconds(10));
        subchannel.OnCallFinished(clock, second, serverFailure: true);

        var weight = Math.Exp(-1);
        Assert.Equal(2e6 * weight + 1e10 * (1 - weight), subchannel.LatencyNanos, 1e3);
        Assert.Equal(1000 * weight, subchannel.Success, 1.0);
        Assert.Equal(1, subchannel.Failures);
    }

    [Fact]
    public void GetUri_SamePathTwice_ReturnsTheCachedUri()
    {
        var subchannel = Create();

        Assert.Same(subchannel.GetUri("/a.B/C"), subchannel.GetUri("/a.B/C"));
        Assert.Equal("http://10.0.0.1:9002/a.B/C", subchannel.GetUri("/a.B/C").ToString());
    }

    private static Subchannel Create() => new(new ServiceEndpoint("10.0.0.1", 9002), new Uri("http://10.0.0.1:9002"));
}
