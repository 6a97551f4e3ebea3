using System.Threading.RateLimiting;
using Ego.Resilience.RateLimiting;
using Ego.Resilience.RateLimiting.Internal;
using Ego.Resilience.Tests.Support;

namespace Ego.Resilience.Tests.RateLimiting;

public sealed class RateLimiterSetTests
{
    private readonly SteppingTimeProvider clock = new();

    [Fact]
    public void TokenBucket_BurstSpent_RefusesUntilThePeriodRefills()
    {
        var set = Create("""
            [rules."/a.B/C"]
            type = "tokenBucket"
            permits = 2
            tokensPerPeriod = 1
            period = "1s"
            """);
        var limiter = set.Find("/a.B/C")!.Limiter;

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(1), retryAfter);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void SlidingWindow_PermitsReturnWhenTheirSegmentLeavesTheWindow()
    {
        var set = Create("""
            [rules."/a.B/C"]
            type = "slidingWindow"
            permits = 2
            period = "1s"
            segments = 2
            """);
        var limiter = set.Find("/a.B/C")!.Limiter;

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Concurrency_SecondCallRefusedUntilTheFirstEnds()
    {
        var set = Create("""
            [rules."GET./items"]
            type = "concurrency"
            permits = 1
            """);
        var limiter = set.Find("GET./items")!.Limiter;

        var first = limiter.AttemptAcquire();
        Assert.True(first.IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        first.Dispose();
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Find_UnnamedTarget_UsesTheSharedDefault()
    {
        var set = Create("""
            [default]
            type = "concurrency"
            permits = 1

            [rules."/a.B/C"]
            type = "concurrency"
            permits = 9
            """);

        Assert.Equal(9, set.Find("/a.B/C")!.Rule.Permits);
        Assert.Same(set.Find("/x.Y/Z"), set.Find("GET./other"));
        Assert.Equal(1, set.Find("/x.Y/Z")!.Rule.Permits);
    }

    [Fact]
    public void Find_NoRules_ReturnsNull()
    {
        var set = new RateLimiterSet(RateLimitRules.Empty, clock);

        Assert.True(set.IsEmpty);
        Assert.Null(set.Find("/a.B/C"));
    }

    private RateLimiterSet Create(string toml) => new(RateLimitRules.Parse(toml, "r.toml"), clock);
}
