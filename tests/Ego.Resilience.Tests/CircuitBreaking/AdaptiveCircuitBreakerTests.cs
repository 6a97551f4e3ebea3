using Ego.Resilience.CircuitBreaking;
using Ego.Resilience.Tests.Client.Support;

namespace Ego.Resilience.Tests.CircuitBreaking;

public sealed class AdaptiveCircuitBreakerTests
{
    private readonly FakeClock clock = new();
    private readonly List<BreakerState> changes = [];

    // A random draw of 0 drops every call the drop ratio allows to drop, so sequences are exact.
    private AdaptiveCircuitBreaker Create(CircuitBreakerOptions? options = null)
        => new("grpc.user", "/test.Echo/Unary", options ?? new CircuitBreakerOptions(), clock, (_, state) => changes.Add(state), () => 0.0);

    [Fact]
    public void TryAcquire_FewerFailuresThanProtection_LetsEveryCallThrough()
    {
        var breaker = Create();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(breaker.TryAcquire());
            breaker.Record(failed: true);
        }

        Assert.True(breaker.TryAcquire());
        Assert.Equal(BreakerState.Closed, breaker.State);
    }

    [Fact]
    public void TryAcquire_FailuresBeyondProtection_OpensAndDrops()
    {
        var breaker = Create();
        Fail(breaker, 6);

        Assert.False(breaker.TryAcquire() && breaker.TryAcquire());
        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.Equal([BreakerState.Open], changes);
    }

    [Fact]
    public void TryAcquire_OpenAndNoPassForProbeInterval_LetsOneProbeThrough()
    {
        var breaker = Create();
        Fail(breaker, 20);
        Assert.False(breaker.TryAcquire());
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(breaker.TryAcquire());
        Assert.False(breaker.TryAcquire());
    }

    [Fact]
    public void TryAcquire_DownstreamDownThenRecovered_ShedsMostCallsAndClosesWithinThreeSeconds()
    {
        var random = new Random(7);
        var breaker = new AdaptiveCircuitBreaker("grpc.user", "/test.Echo/Unary", new CircuitBreakerOptions(), clock, (_, state) => changes.Add(state), random.NextDouble);
        var (sent, shed) = (0, 0);

        // 200 calls/s: down for 10 s, then healthy.
        for (var step = 0; step < 2000; step++)
        {
            Call(breaker, healthy: false, ref sent, ref shed);
        }

        Assert.True(shed >= 0.9 * 2000, $"shed {shed} of 2000 calls while down");
        var recoveredAfter = -1;
        for (var step = 0; step < 1000 && recoveredAfter < 0; step++)
        {
            Call(breaker, healthy: true, ref sent, ref shed);
            if (breaker.State == BreakerState.Closed)
            {
                recoveredAfter = step * 5;
            }
        }

        Assert.InRange(recoveredAfter, 0, 3000);
        Assert.Equal([BreakerState.Open, BreakerState.Closed], changes);
    }

    private void Call(AdaptiveCircuitBreaker breaker, bool healthy, ref int sent, ref int shed)
    {
        clock.Advance(TimeSpan.FromMilliseconds(5));
        if (breaker.TryAcquire())
        {
            sent++;
            breaker.Record(failed: !healthy);
        }
        else
        {
            shed++;
        }
    }

    [Fact]
    public void TryAcquire_DroppedCallsAreNotCounted_RecoveryNeedsOnlyTheProbes()
    {
        var breaker = Create();
        Fail(breaker, 20);

        // Thousands of local drops while the downstream is down must not weigh on the recovery.
        for (var i = 0; i < 5000; i++)
        {
            Assert.False(breaker.TryAcquire());
        }

        breaker.DropRatio(out _, out var total);
        Assert.Equal(20, total);
    }

    [Fact]
    public void DropRatio_OutcomesOlderThanTheWindow_AreForgotten()
    {
        var breaker = Create();
        Fail(breaker, 30);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, breaker.DropRatio(out _, out var total));
        Assert.Equal(0, total);
        Assert.True(breaker.TryAcquire());
    }

    [Fact]
    public void DropRatio_KAcceptsOutweighFailures_StaysClosed()
    {
        var breaker = Create();
        for (var i = 0; i < 100; i++)
        {
            breaker.Record(failed: i % 3 == 0);
        }

        // 66 accepted * 1.5 + 5 > 100 requests: the downstream is answering enough.
        Assert.Equal(0, breaker.DropRatio(out var accepted, out var total));
        Assert.Equal((66, 100), (accepted, total));
    }

    private static void Fail(AdaptiveCircuitBreaker breaker, int count)
    {
        for (var i = 0; i < count; i++)
        {
            breaker.Record(failed: true);
        }
    }
}
