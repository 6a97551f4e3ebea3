using Ego.Configuration.Toml;

namespace Ego.Core.Tests.Configuration.Toml;

public sealed class TomlValueTests
{
    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("0x10", "16")]
    [InlineData("-1_000", "-1000")]
    [InlineData("0.1", "0.1")]
    [InlineData("1e300", "1E+300")]
    [InlineData("inf", "Infinity")]
    [InlineData("-inf", "-Infinity")]
    [InlineData("nan", "NaN")]
    [InlineData("'text'", "text")]
    [InlineData("1979-05-27T07:32:00Z", "1979-05-27T07:32:00.0000000+00:00")]
    [InlineData("1979-05-27T00:32:00.5-07:00", "1979-05-27T00:32:00.5000000-07:00")]
    [InlineData("1979-05-27T07:32:00", "1979-05-27T07:32:00.0000000")]
    [InlineData("1979-05-27", "1979-05-27")]
    [InlineData("07:32:00", "07:32:00")]
    [InlineData("07:32:00.250", "07:32:00.25")]
    public void ToString_Scalar_RendersCanonicalInvariantText(string toml, string expected) =>
        Assert.Equal(expected, TomlParser.Parse("v = " + toml)["v"].ToString());

    [Fact]
    public void GetInteger_OnString_ThrowsNamingBothKinds()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TomlValue.FromString("x").GetInteger());

        Assert.Equal("Expected a TOML Integer value, but the value is String.", ex.Message);
    }

    [Fact]
    public void FromOffsetDateTime_RoundTripsOffset()
    {
        var when = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5.5));

        Assert.Equal(when.Offset, TomlValue.FromOffsetDateTime(when).GetOffsetDateTime().Offset);
        Assert.Equal(when, TomlValue.FromOffsetDateTime(when).GetOffsetDateTime());
    }

    [Fact]
    public void Equals_SameKindAndContent_IsTrue()
    {
        Assert.Equal(TomlValue.FromInteger(5), TomlValue.FromInteger(5));
        Assert.NotEqual(TomlValue.FromInteger(1), TomlValue.FromBoolean(true));
        Assert.True(TomlValue.FromString("a") == TomlValue.FromString(new string('a', 1)));
    }
}
