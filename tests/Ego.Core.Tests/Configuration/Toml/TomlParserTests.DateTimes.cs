using Ego.Configuration.Toml;

namespace Ego.Core.Tests.Configuration.Toml;

public sealed partial class TomlParserTests
{
    [Theory]
    [InlineData("1979-05-27T07:32:00Z", "1979-05-27T07:32:00.0000000+00:00")]
    [InlineData("1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.0000000-07:00")]
    [InlineData("1979-05-27T00:32:00.999999+05:30", "1979-05-27T00:32:00.9999990+05:30")]
    [InlineData("1979-05-27 07:32:00Z", "1979-05-27T07:32:00.0000000+00:00")]
    [InlineData("1979-05-27t07:32:00z", "1979-05-27T07:32:00.0000000+00:00")]
    [InlineData("2000-01-01T00:00:00-00:00", "2000-01-01T00:00:00.0000000+00:00")]
    public void Parse_OffsetDateTime_ReturnsDateTimeOffset(string toml, string expected)
    {
        var value = ParseValue(toml);

        Assert.Equal(TomlValueKind.OffsetDateTime, value.Kind);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value.GetOffsetDateTime());
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, value.GetOffsetDateTime().Offset);
    }

    [Theory]
    [InlineData("1979-05-27T07:32:00", 1979, 5, 27, 7, 32, 0, 0L)]
    [InlineData("1979-05-27 00:32:00.999999", 1979, 5, 27, 0, 32, 0, 9_999_990L)]
    [InlineData("1979-05-27T00:32:00.123456789", 1979, 5, 27, 0, 32, 0, 1_234_567L)]
    public void Parse_LocalDateTime_ReturnsUnspecifiedDateTime(string toml, int y, int mo, int d, int h, int mi, int s, long fractionTicks)
    {
        var value = ParseValue(toml);

        Assert.Equal(TomlValueKind.LocalDateTime, value.Kind);
        Assert.Equal(new DateTime(y, mo, d, h, mi, s).AddTicks(fractionTicks), value.GetLocalDateTime());
        Assert.Equal(DateTimeKind.Unspecified, value.GetLocalDateTime().Kind);
    }

    [Theory]
    [InlineData("1979-05-27", 1979, 5, 27)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    public void Parse_LocalDate_ReturnsDateOnly(string toml, int y, int m, int d)
    {
        var value = ParseValue(toml);

        Assert.Equal(TomlValueKind.LocalDate, value.Kind);
        Assert.Equal(new DateOnly(y, m, d), value.GetLocalDate());
    }

    [Fact]
    public void Parse_LocalDateFollowedByComment_IsDate() =>
        Assert.Equal(new DateOnly(1979, 5, 27), TomlParser.Parse("d = 1979-05-27 # birthday")["d"].GetLocalDate());

    [Theory]
    [InlineData("07:32:00", 7, 32, 0, 0L)]
    [InlineData("00:32:00.5", 0, 32, 0, 5_000_000L)]
    [InlineData("23:59:59.999999999", 23, 59, 59, 9_999_999L)]
    public void Parse_LocalTime_ReturnsTimeOnly(string toml, int h, int m, int s, long fractionTicks)
    {
        var value = ParseValue(toml);

        Assert.Equal(TomlValueKind.LocalTime, value.Kind);
        Assert.Equal(new TimeOnly(h, m, s).Add(TimeSpan.FromTicks(fractionTicks)), value.GetLocalTime());
    }

    [Theory]
    [InlineData("d = 1979-13-27", 1, 10, "month 13 is out of range (01-12)")]
    [InlineData("d = 1979-00-27", 1, 10, "month 00 is out of range")]
    [InlineData("d = 1979-02-30", 1, 13, "day 30 is out of range for 1979-02 (which has 28 days)")]
    [InlineData("d = 2023-02-29", 1, 13, "day 29 is out of range for 2023-02")]
    [InlineData("d = 1979-04-31", 1, 13, "day 31 is out of range")]
    [InlineData("d = 1979-05-32", 1, 13, "day 32 is out of range")]
    [InlineData("d = 0000-01-01", 1, 5, "year 0000 is out of range")]
    [InlineData("d = 1979-5-27", 1, 11, "expected a 2-digit month, found '-'")]
    [InlineData("d = 1979-05-27T25:00:00", 1, 16, "hour 25 is out of range")]
    [InlineData("d = 1979-05-27T07:60:00", 1, 19, "minute 60 is out of range")]
    [InlineData("d = 1979-05-27T07:32:61", 1, 22, "second 61 is out of range")]
    [InlineData("d = 1979-05-27T07:32:60", 1, 22, "leap second 60 is not supported")]
    [InlineData("d = 1979-05-27T07:32", 1, 21, "expected ':' in a time (seconds are required)")]
    [InlineData("d = 1979-05-27T07:32:00.", 1, 25, "expected digits after '.'")]
    [InlineData("d = 1979-05-27T07:32:00+25:00", 1, 25, "offset hour 25 is out of range")]
    [InlineData("d = 1979-05-27T07:32:00+05:60", 1, 28, "offset minute 60 is out of range")]
    [InlineData("d = 1979-05-27T07:32:00+15:00", 1, 24, "offset +15:00 is outside the supported range")]
    [InlineData("d = 1979-05-27T07:32:00+0500", 1, 27, "expected ':' in an offset")]
    [InlineData("d = 1979-05-27 07", 1, 18, "expected ':' in a time")]
    [InlineData("d = 1979-05-27X07:32:00", 1, 15, "expected a newline or comment after the value, found 'X'")]
    [InlineData("t = 7:32:00", 1, 6, "expected a newline or comment after the value, found ':'")]
    [InlineData("t = 07:32", 1, 10, "expected ':' in a time")]
    [InlineData("t = 24:00:00", 1, 5, "hour 24 is out of range")]
    public void Parse_InvalidDateTime_ReportsPosition(string toml, int line, int column, string reason) =>
        AssertInvalid(toml, line, column, reason);
}
