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
}
