using Ego.Configuration.Toml;

namespace Ego.Core.Tests.Configuration.Toml;

public sealed partial class TomlParserTests
{
    [Theory]
    [InlineData("42", 42L)]
    [InlineData("+99", 99L)]
    [InlineData("-17", -17L)]
    [InlineData("0", 0L)]
    [InlineData("+0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("1_000", 1000L)]
    [InlineData("5_349_221", 5349221L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0xDEADBEEF", 0xDEADBEEFL)]
    [InlineData("0xdead_beef", 0xDEADBEEFL)]
    [InlineData("0x00ff", 255L)]
    [InlineData("0x7FFFFFFFFFFFFFFF", long.MaxValue)]
    [InlineData("0o755", 493L)]
    [InlineData("0o0_7", 7L)]
    [InlineData("0b1101_0110", 214L)]
    [InlineData("0b0", 0L)]
    public void Parse_Integer_ReturnsInt64(string toml, long expected)
    {
        var value = ParseValue(toml);

        Assert.Equal(TomlValueKind.Integer, value.Kind);
        Assert.Equal(expected, value.GetInteger());
    }

    [Theory]
    [InlineData("i = 1__2", 1, 7, "'_' must be between digits in '1__2'")]
    [InlineData("i = _1", 1, 5, "expected a value")]
    [InlineData("i = 1_", 1, 6, "'_' must be between digits in '1_'")]
    [InlineData("i = 0x", 1, 7, "expected hexadecimal digits after '0x'")]
    [InlineData("i = 0x_1", 1, 7, "'_' must be between digits")]
    [InlineData("i = 0b1_", 1, 8, "'_' must be between digits")]
    [InlineData("i = +0x1", 1, 5, "a sign is not allowed on hexadecimal, octal or binary integers")]
    [InlineData("i = -0b1", 1, 5, "a sign is not allowed")]
    [InlineData("i = 012", 1, 5, "leading zeros are not allowed in '012'")]
    [InlineData("i = -012", 1, 6, "leading zeros are not allowed")]
    [InlineData("i = 0_1", 1, 5, "leading zeros are not allowed")]
    [InlineData("i = 0xG1", 1, 7, "invalid hexadecimal digit 'G'")]
    [InlineData("i = 0o8", 1, 7, "invalid octal digit '8'")]
    [InlineData("i = 0b12", 1, 8, "invalid binary digit '2'")]
    [InlineData("i = 0X10", 1, 6, "unexpected 'X' in number '0X10'")]
    [InlineData("i = 9223372036854775808", 1, 5, "out of range for a 64-bit signed integer")]
    [InlineData("i = 0x8000000000000000", 1, 5, "out of range for a 64-bit signed integer")]
    [InlineData("i = 0o1777777777777777777777", 1, 5, "out of range")]
    [InlineData("i = 1 2", 1, 7, "expected a newline or comment after the value, found '2'")]
    [InlineData("i = -", 1, 6, "expected a digit in the integer part of '-'")]
    [InlineData("i = 12abc", 1, 7, "unexpected 'a' in number")]
    public void Parse_InvalidInteger_ReportsPosition(string toml, int line, int column, string reason) =>
        AssertInvalid(toml, line, column, reason);

    [Theory]
    [InlineData("+1.0", 1.0)]
    [InlineData("3.1415", 3.1415)]
    [InlineData("-0.01", -0.01)]
    [InlineData("5e+22", 5e+22)]
    [InlineData("1e06", 1e06)]
    [InlineData("-2E-2", -2E-2)]
    [InlineData("6.626e-34", 6.626e-34)]
    [InlineData("224_617.445_991_228", 224617.445991228)]
    [InlineData("1e1_0", 1e10)]
    [InlineData("0e0", 0.0)]
    [InlineData("0.5", 0.5)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("+inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("nan", double.NaN)]
    [InlineData("+nan", double.NaN)]
    [InlineData("-nan", double.NaN)]
    public void Parse_Float_ReturnsDouble(string toml, double expected)
    {
        var value = ParseValue(toml);

        Assert.Equal(TomlValueKind.Float, value.Kind);
        Assert.Equal(expected, value.GetFloat());
    }

    [Fact]
    public void Parse_NegativeZeroFloat_KeepsSign() =>
        Assert.True(double.IsNegative(ParseValue("-0.0").GetFloat()));

    [Theory]
    [InlineData("f = .5", 1, 5, "expected a value")]
    [InlineData("f = 5.", 1, 7, "expected a digit in the fraction of '5.'")]
    [InlineData("f = 1.e5", 1, 7, "expected a digit in the fraction")]
    [InlineData("f = 1e", 1, 7, "expected a digit in the exponent of '1e'")]
    [InlineData("f = 1e+", 1, 8, "expected a digit in the exponent")]
    [InlineData("f = 03.14", 1, 5, "leading zeros are not allowed")]
    [InlineData("f = 1._5", 1, 7, "'_' must be between digits")]
    [InlineData("f = 1.5_", 1, 8, "'_' must be between digits")]
    [InlineData("f = 1.2.3", 1, 8, "unexpected '.' in number '1.2.3'")]
    [InlineData("f = infinity", 1, 5, "expected a digit in the integer part of 'infinity'")]
    [InlineData("f = Inf", 1, 5, "expected a value")]
    [InlineData("f = NaN", 1, 5, "expected a value")]
    public void Parse_InvalidFloat_ReportsPosition(string toml, int line, int column, string reason) =>
        AssertInvalid(toml, line, column, reason);

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Parse_Boolean_ReturnsBool(string toml, bool expected) =>
        Assert.Equal(expected, ParseValue(toml).GetBoolean());

    [Theory]
    [InlineData("b = True", 1, 5, "expected a value")]
    [InlineData("b = tru", 1, 5, "found 'tru'")]
    [InlineData("b = falsey", 1, 5, "found 'falsey'")]
    [InlineData("b = yes", 1, 5, "expected a value")]
    public void Parse_InvalidBoolean_ReportsPosition(string toml, int line, int column, string reason) =>
        AssertInvalid(toml, line, column, reason);
}
