using Ego.Configuration;

namespace Ego.Core.Tests.Configuration;

public sealed class DurationTests
{
    [Theory]
    [InlineData("250ms", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1s", TimeSpan.TicksPerSecond)]
    [InlineData("1m30s", 90 * TimeSpan.TicksPerSecond)]
    [InlineData("1.5h", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("10us", 100)]
    [InlineData("500ns", 5)]
    [InlineData("0", 0)]
    [InlineData("-2s", -2 * TimeSpan.TicksPerSecond)]
    [InlineData("00:00:03", 3 * TimeSpan.TicksPerSecond)]
    public void Parse_GoAndDotnetForms_ReadBack(string text, long ticks)
    {
        Assert.Equal(TimeSpan.FromTicks(ticks), Duration.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5x")]
    [InlineData("s")]
    [InlineData("1s2")]
    public void Parse_Invalid_SaysWhatWasExpected(string text)
    {
        var error = Assert.Throws<FormatException>(() => Duration.Parse(text));

        Assert.Contains("is not a duration", error.Message);
        Assert.Contains("\"250ms\"", error.Message);
    }

    [Theory]
    [InlineData("1m30s")]
    [InlineData("250ms")]
    [InlineData("2h")]
    public void Format_ParsedValue_RoundTrips(string text)
    {
        Assert.Equal(text, Duration.Format(Duration.Parse(text)));
    }
}
