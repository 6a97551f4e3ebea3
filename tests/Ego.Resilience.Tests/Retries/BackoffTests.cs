using Ego.Resilience.Retries;

namespace Ego.Resilience.Tests.Retries;

public sealed class BackoffTests
{
    private static readonly RetryOptions Options = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromMilliseconds(500),
        BackoffMultiplier = 2,
    };

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(4, 500)]
    [InlineData(9, 500)]
    public void Delay_HighestDraw_IsTheExponentialBoundCappedByMaxBackoff(int retry, int boundMs)
    {
        Assert.Equal(boundMs, Backoff.Delay(Options, retry, 1.0).TotalMilliseconds, 3);
        Assert.Equal(boundMs / 2.0, Backoff.Delay(Options, retry, 0.5).TotalMilliseconds, 3);
        Assert.Equal(TimeSpan.Zero, Backoff.Delay(Options, retry, 0));
    }

    [Fact]
    public void Delay_RandomDraws_StayWithinTheJitterRange()
    {
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            Assert.InRange(Backoff.Delay(Options, 2, random.NextDouble()), TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
        }
    }

    [Fact]
    public void Delay_RetryBelowOne_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(Options, 0, 0.5));
}
