using Ego.Resilience.ClientRateLimiting;
using Ego.Resilience.Tests.Client.Support;

namespace Ego.Resilience.Tests.ClientRateLimiting;

public sealed class TokenBucketTests
{
    private readonly FakeClock clock = new();

    [Fact]
    public void TryAcquire_BurstSpent_RejectsUntilRefilled()
    {
        var bucket = new TokenBucket(rps: 10, burst: 3, clock);
        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(bucket.TryAcquire()));

        Assert.False(bucket.TryAcquire());
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(bucket.TryAcquire());
        Assert.False(bucket.TryAcquire());
    }

    [Fact]
    public void TryAcquire_LongQuiet_RefillsOnlyUpToBurst()
    {
        var bucket = new TokenBucket(rps: 100, burst: 2, clock);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(2, Enumerable.Range(0, 10).Count(_ => bucket.TryAcquire()));
    }

    [Fact]
    public void TryAcquire_NoBurst_AllowsOneSecondOfCalls()
    {
        var bucket = new TokenBucket(rps: 5, burst: 0, clock);

        Assert.Equal(5, Enumerable.Range(0, 10).Count(_ => bucket.TryAcquire()));
    }

    [Fact]
    public void TryAcquire_ClockReadBeforeAnotherCallerMovedTheBucketOnATick_StillAcquires()
    {
        // A tight burst (1 ms of tokens) on a clock stepping by 4 ms, as the coarse system clock does. The first caller
        // reads the tick after the step and takes a token; the second read its clock just before the step (a stale
        // read, scripted here) and only sees the bucket afterwards. The bucket holds 999 more tokens: no refusal.
        var start = TimeSpan.FromSeconds(10);
        var step = TimeSpan.FromMilliseconds(4);
        var reads = new ScriptedClock(start + step, start, start + step);
        var bucket = new TokenBucket(rps: 1_000_000, burst: 1_000, reads);

        Assert.True(bucket.TryAcquire());
        Assert.True(bucket.TryAcquire());
        Assert.Equal(3, reads.Reads);
    }

    [Fact]
    public void TryAcquire_EmptyBucket_RefusesWithoutWaitingForTheClock()
    {
        var bucket = new TokenBucket(rps: 1_000_000, burst: 1_000, clock);
        Assert.All(Enumerable.Range(0, 1_000), _ => Assert.True(bucket.TryAcquire()));

        Assert.False(bucket.TryAcquire());
    }

    /// <summary>Returns the scripted timestamps in order, then the last one.</summary>
    private sealed class ScriptedClock(params TimeSpan[] times) : TimeProvider
    {
        public int Reads { get; private set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => times[Math.Min(Reads++, times.Length - 1)].Ticks;
    }
}
