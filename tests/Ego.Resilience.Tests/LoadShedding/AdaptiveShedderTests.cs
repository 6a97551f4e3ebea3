using Ego.Resilience.LoadShedding;
using Ego.Resilience.Tests.Support;

namespace Ego.Resilience.Tests.LoadShedding;

public sealed class AdaptiveShedderTests
{
    private readonly SteppingTimeProvider clock = new();
    private readonly ScriptedCpu cpu = new();

    [Fact]
    public void TryEnter_CpuUnderThreshold_AdmitsEvenFarOverCapacity()
    {
        var shedder = Create();
        Learn(shedder, callsPerBucket: 10, latency: TimeSpan.FromMilliseconds(10), buckets: 10);
        cpu.Usage = 899;

        Hold(shedder, 50);

        Assert.True(shedder.TryEnter(out _));
        Assert.Equal(0, shedder.Dropped);
    }

    [Fact]
    public void TryEnter_CpuOverThresholdAndFlyingOverMaxFlight_Drops()
    {
        var shedder = Create();
        Learn(shedder, callsPerBucket: 10, latency: TimeSpan.FromMilliseconds(100), buckets: 10);
        cpu.Usage = 900;

        // maxPass 10 per bucket x minRt 100 ms x 10 buckets a second / 1000 = 10 calls in flight at most.
        Assert.Equal(10, shedder.State().MaxFlight, 3);
        Hold(shedder, 12);
        Assert.True(shedder.TryEnter(out _), "the moving average lags: a burst is admitted until it rises");

        Overload(shedder);

        Assert.True(shedder.State().AverageFlying > 10);
        Assert.False(shedder.TryEnter(out _));
        Assert.Equal(1, shedder.Dropped);
    }

    [Fact]
    public void TryEnter_BurstWithoutAnyCallEnding_IsCutOnceItsAverageExceedsMaxFlight()
    {
        var shedder = Create();
        Learn(shedder, callsPerBucket: 10, latency: TimeSpan.FromMilliseconds(100), buckets: 10);
        cpu.Usage = 950;

        // A burst of arrivals with no call ending in between: the moving average follows the admissions too.
        var admitted = 0;
        while (admitted < 1000 && shedder.TryEnter(out _))
        {
            admitted++;
        }

        // maxFlight 5 (half of 10 at 950): the burst is cut no earlier than at the capacity, and not much later.
        Assert.InRange(admitted, 5, 100);
        Assert.Equal(1, shedder.Dropped);
    }

    [Fact]
    public void TryEnter_CapacityOfOneCallUnderSteadyOverload_AdmitsOnlyWhenNothingIsInFlight()
    {
        var shedder = Create();
        Learn(shedder, callsPerBucket: 1, latency: TimeSpan.FromMilliseconds(100), buckets: 10);
        cpu.Usage = 1000;
        Assert.Equal(1, shedder.State().MaxFlight, 3);

        // Three arrivals during each call. Once the average has followed them, each finds one call in flight: the
        // second call it would make is over the capacity, and so is the average of what arrivals see. (Comparing the
        // calls already in flight, as go-zero does, admits it, and two calls share one core.)
        var admittedBesideAnother = 0;
        for (var round = 0; round < 50; round++)
        {
            Assert.True(shedder.TryEnter(out var start), $"round {round}: nothing in flight, the call is admitted");
            var beside = new List<long>();
            for (var i = 0; i < 3; i++)
            {
                if (shedder.TryEnter(out var other))
                {
                    beside.Add(other);
                }
            }

            if (round >= 10)
            {
                admittedBesideAnother += beside.Count;
            }

            shedder.Exit(start, passed: true);
            beside.ForEach(other => shedder.Exit(other, passed: true));
        }

        Assert.Equal(0, admittedBesideAnother);
        Assert.Equal(0, shedder.Flying);
    }

    [Fact]
    public void TryEnterNewestFirst_CallsThatWaitedTogetherUnderOverload_TheNewestStartsAndTheOlderAreDropped()
    {
        var backlog = 0L;
        var shedder = CreateCapacityOfOne(() => backlog);

        // Four calls reach the server together, oldest first: each sees the ones behind it queued.
        backlog = 3;
        Assert.True(shedder.TryEnterNewestFirst(out var start, out var oldest));
        Assert.NotNull(oldest);
        Assert.Equal(0, start);
        var waiting = new List<AdaptiveShedder.Standby> { oldest };
        for (backlog = 2; backlog > 0; backlog--)
        {
            Assert.True(shedder.TryEnterNewestFirst(out _, out var newer), "a newer arrival takes the place of the one on standby");
            waiting.Add(newer!);
        }

        backlog = 0;
        Assert.True(shedder.TryEnterNewestFirst(out var newestStart, out var newest));
        Assert.Null(newest);
        Assert.NotEqual(0, newestStart);

        Assert.All(waiting, standby => Assert.False(standby.Settle(out _)));
        Assert.Equal(1, shedder.Flying);
        Assert.Equal(3, shedder.Dropped);
        shedder.Exit(newestStart, passed: true);
        Assert.Equal(0, shedder.Flying);
    }

    [Fact]
    public void TryEnterNewestFirst_StandbySettledBeforeAnyNewerArrival_StartsAndLaterArrivalsAreDropped()
    {
        var shedder = CreateCapacityOfOne(() => 1);

        Assert.True(shedder.TryEnterNewestFirst(out _, out var standby));
        Assert.True(standby!.Settle(out var start));
        Assert.NotEqual(0, start);
        Assert.False(standby.Settle(out _), "a standby settles once");

        Assert.False(shedder.TryEnterNewestFirst(out _, out var none), "the call has started: nothing left to take the place of");
        Assert.Null(none);
        Assert.Equal(1, shedder.Flying);
        shedder.Exit(start, passed: true);
        Assert.Equal(0, shedder.Flying);
    }

    [Fact]
    public void TryEnterNewestFirst_StandbyStartsWhileANewerArrivalIsTakingItsPlace_TheNewerOneIsDropped()
    {
        AdaptiveShedder.Standby? first = null;
        var startFirstNow = false;
        // The arrival reads the queue between finding the call on standby and taking its place: the call starts there.
        var shedder = CreateCapacityOfOne(() =>
        {
            if (startFirstNow)
            {
                startFirstNow = false;
                Assert.True(first!.Settle(out _));
            }

            return 1;
        });
        Assert.True(shedder.TryEnterNewestFirst(out _, out first));
        Assert.NotNull(first);

        startFirstNow = true;
        Assert.False(shedder.TryEnterNewestFirst(out _, out var second), "the place it found was no longer free");

        Assert.Null(second);
        Assert.False(startFirstNow);
        Assert.Equal(1, shedder.Flying);
        Assert.Equal(1, shedder.Dropped);
    }

    [Fact]
    public void TryEnterNewestFirst_CpuUnderThreshold_StartsAtOnceWhateverIsQueued()
    {
        var shedder = new AdaptiveShedder(cpu, 900, TimeSpan.FromSeconds(5), 50, clock, () => 100);
        cpu.Usage = 899;

        Assert.True(shedder.TryEnterNewestFirst(out _, out var standby));

        Assert.Null(standby);
        Assert.Equal(1, shedder.Flying);
    }

    [Fact]
    public async Task SettleAfterBacklogAsync_QueueNeverEmptiesAndNothingNewerArrives_StartsTheCallAfterItsLastPass()
    {
        var shedder = CreateCapacityOfOne(() => 1);
        Assert.True(shedder.TryEnterNewestFirst(out _, out var standby));

        var (started, start) = await standby!.SettleAfterBacklogAsync();

        Assert.True(started);
        Assert.NotEqual(0, start);
        Assert.Equal(1, shedder.Flying);
    }

    [Fact]
    public void TryEnterNewestFirst_ManyThreadsArrivingAndSettling_EveryCallEitherStartsOnceOrIsDroppedOnce()
    {
        var shedder = CreateCapacityOfOne(() => Random.Shared.Next(2));
        const int Threads = 4;
        const int CallsPerThread = 20_000;
        var started = 0L;
        var droppedBefore = shedder.Dropped;

        // Each thread settles its standby call after its own next arrival, so calls on standby overlap with arrivals
        // on every thread.
        Parallel.For(0, Threads, _ =>
        {
            AdaptiveShedder.Standby? pending = null;
            for (var i = 0; i < CallsPerThread; i++)
            {
                if (shedder.TryEnterNewestFirst(out var start, out var held) && held is null)
                {
                    Interlocked.Increment(ref started);
                    shedder.Exit(start, passed: true);
                }

                if (pending is not null)
                {
                    Finish(pending);
                }

                pending = held;
            }

            if (pending is not null)
            {
                Finish(pending);
            }
        });

        // A call on standby that a newer one overtook counts as dropped, as one refused on arrival does.
        Assert.Equal(Threads * CallsPerThread, started + (shedder.Dropped - droppedBefore));
        Assert.True(started > 0 && shedder.Dropped > droppedBefore, $"started {started}, dropped {shedder.Dropped - droppedBefore}");
        Assert.Equal(0, shedder.Flying);
        return;

        void Finish(AdaptiveShedder.Standby standby)
        {
            if (standby.Settle(out var start))
            {
                Interlocked.Increment(ref started);
                shedder.Exit(start, passed: true);
            }
        }
    }

    [Fact]
    public void TryEnter_WithinOneSecondOfTheLastDrop_StaysHotThenCoolsOff()
    {
        var shedder = Create();
        Learn(shedder, callsPerBucket: 10, latency: TimeSpan.FromMilliseconds(100), buckets: 10);
        cpu.Usage = 950;
        Overload(shedder);
        Assert.False(shedder.TryEnter(out _));

        cpu.Usage = 100;
        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.True(shedder.State().Hot);
        Assert.False(shedder.TryEnter(out _));

        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.True(shedder.State().Hot, "the second drop restarted the cool-off");

        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(shedder.TryEnter(out _));
        Assert.False(shedder.State().Hot);
    }

    [Fact]
    public void MaxFlight_RisingCpu_ScalesDownToOneTenth()
    {
        var shedder = Create();
        Learn(shedder, callsPerBucket: 20, latency: TimeSpan.FromMilliseconds(100), buckets: 10);

        cpu.Usage = 900;
        var atThreshold = shedder.State().MaxFlight;
        cpu.Usage = 950;
        var halfway = shedder.State().MaxFlight;
        cpu.Usage = 1000;
        var full = shedder.State().MaxFlight;

        Assert.Equal(20, atThreshold, 3);
        Assert.Equal(10, halfway, 3);
        Assert.Equal(2, full, 3);
    }

    [Fact]
    public void MaxFlight_ScaledBelowOneCall_IsOneCall()
    {
        var shedder = Create();
        Learn(shedder, callsPerBucket: 1, latency: TimeSpan.FromMilliseconds(100), buckets: 10);

        cpu.Usage = 900;
        var atThreshold = shedder.State().MaxFlight;
        cpu.Usage = 1000;
        var full = shedder.State().MaxFlight;

        Assert.Equal(1, atThreshold, 3);
        Assert.Equal(1, full, 3);
    }

    [Fact]
    public void State_NoHistory_AssumesOneSecondLatencySoNothingIsDroppedEarly()
    {
        var shedder = Create();

        var state = shedder.State();

        Assert.Equal(1, state.MaxPass);
        Assert.Equal(1000, state.MinRtMilliseconds);
        Assert.Equal(10, state.MaxFlight, 3);
    }

    [Fact]
    public void State_HistoryOlderThanTheWindow_IsForgotten()
    {
        var shedder = Create();
        Learn(shedder, callsPerBucket: 30, latency: TimeSpan.FromMilliseconds(20), buckets: 5);
        Assert.Equal(30, shedder.State().MaxPass);

        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(1, shedder.State().MaxPass);
        Assert.Equal(1000, shedder.State().MinRtMilliseconds);
    }

    [Fact]
    public void Exit_FailedCall_DoesNotCountAsPassed()
    {
        var shedder = Create();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(shedder.TryEnter(out var start));
            shedder.Exit(start, passed: false);
        }

        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(1, shedder.State().MaxPass);
        Assert.Equal(0, shedder.Flying);
    }

    private AdaptiveShedder Create() => new(cpu, cpuThreshold: 900, TimeSpan.FromSeconds(5), buckets: 50, clock);

    // A shedder in steady overload with room for one call, nothing in flight, whose moving average is over one call.
    private AdaptiveShedder CreateCapacityOfOne(Func<long> backlog)
    {
        var shedder = new AdaptiveShedder(cpu, 900, TimeSpan.FromSeconds(5), 50, clock, backlog);
        Learn(shedder, callsPerBucket: 1, latency: TimeSpan.FromMilliseconds(100), buckets: 10);
        Hold(shedder, 40).ForEach(start => shedder.Exit(start, passed: false));
        cpu.Usage = 1000;
        Assert.Equal(1, shedder.State().MaxFlight, 3);
        Assert.True(shedder.State().AverageFlying > 1);
        Assert.Equal(0, shedder.Flying);
        return shedder;
    }

    // Each cycle passes callsPerBucket calls together, each taking latency, then moves to the next bucket.
    private void Learn(AdaptiveShedder shedder, int callsPerBucket, TimeSpan latency, int buckets)
    {
        for (var b = 0; b < buckets; b++)
        {
            var starts = Hold(shedder, callsPerBucket);
            clock.Advance(latency);
            foreach (var start in starts)
            {
                shedder.Exit(start, passed: true);
            }

            clock.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    private static List<long> Hold(AdaptiveShedder shedder, int count)
    {
        var starts = new List<long>();
        for (var i = 0; i < count; i++)
        {
            Assert.True(shedder.TryEnter(out var start));
            starts.Add(start);
        }

        return starts;
    }

    // Raises the calls in flight and their moving average while the CPU is idle, then restores the CPU figure.
    private void Overload(AdaptiveShedder shedder)
    {
        var usage = cpu.Usage;
        cpu.Usage = 0;
        Hold(shedder, 40);
        for (var i = 0; i < 40; i++)
        {
            Assert.True(shedder.TryEnter(out var start));
            shedder.Exit(start, passed: false);
        }

        cpu.Usage = usage;
    }
}
