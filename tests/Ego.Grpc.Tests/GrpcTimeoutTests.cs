using Ego.Grpc.Internal;

namespace Ego.Grpc.Tests;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("7u", 70L)]
    [InlineData("500n", 5L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    public void TryParse_ValidValue_ReturnsTimeout(string text, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(text, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("123456789S")]
    [InlineData("5s")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    public void TryParse_InvalidValue_ReturnsFalse(string text)
    {
        Assert.False(GrpcTimeout.TryParse(text, out _));
    }

    [Theory]
    [InlineData(1, "100n")]
    [InlineData(10_000, "1000000n")]
    [InlineData(30_000_000, "3000000u")]
    [InlineData(36_000_000_000L, "3600000m")]
    public void Format_Timeout_UsesFinestUnitWithinEightDigits(long ticks, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void Format_ThenParse_NeverShortensTheTimeout()
    {
        var timeout = TimeSpan.FromMilliseconds(1234.5678);

        Assert.True(GrpcTimeout.TryParse(GrpcTimeout.Format(timeout), out var parsed));
        Assert.True(parsed >= timeout);
    }
}
