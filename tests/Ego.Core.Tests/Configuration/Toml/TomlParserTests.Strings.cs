using Ego.Configuration.Toml;

namespace Ego.Core.Tests.Configuration.Toml;

public sealed partial class TomlParserTests
{
    [Theory]
    [InlineData("\"hello\"", "hello")]
    [InlineData("\"\"", "")]
    [InlineData("\"tab\there\"", "tab\there")]
    [InlineData("\"a\\bb\"", "a\bb")]
    [InlineData("\"a\\tb\"", "a\tb")]
    [InlineData("\"a\\nb\"", "a\nb")]
    [InlineData("\"a\\fb\"", "a\fb")]
    [InlineData("\"a\\rb\"", "a\rb")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("\"C:\\\\temp\"", "C:\\temp")]
    [InlineData("\"caf\\u00E9\"", "café")]
    [InlineData("\"smile \\U0001F600\"", "smile \U0001F600")]
    [InlineData("\"\\u0000\"", "\0")]
    [InlineData("\"ünïcödé ✓\"", "ünïcödé ✓")]
    public void Parse_BasicString_DecodesEscapes(string toml, string expected) =>
        Assert.Equal(expected, ParseValue(toml).GetString());

    [Theory]
    [InlineData("\"\"\"\nline1\nline2\"\"\"", "line1\nline2")]
    [InlineData("\"\"\"\r\nline1\r\nline2\"\"\"", "line1\nline2")]
    [InlineData("\"\"\"no newline\"\"\"", "no newline")]
    [InlineData("\"\"\"\nThe quick \\\n\n   brown \\   \n  fox\"\"\"", "The quick brown fox")]
    [InlineData("\"\"\"a\"b\"\"c\"\"\"", "a\"b\"\"c")]
    [InlineData("\"\"\"ends with two quotes\"\"\"\"\"", "ends with two quotes\"\"")]
    [InlineData("\"\"\"ends with one quote\"\"\"\"", "ends with one quote\"")]
    [InlineData("\"\"\"esc \\t \\u00E9\"\"\"", "esc \t é")]
    [InlineData("\"\"\"\n\n\"\"\"", "\n")]
    public void Parse_MultilineBasicString_TrimsAndJoinsLines(string toml, string expected) =>
        Assert.Equal(expected, ParseValue(toml).GetString());

    [Theory]
    [InlineData("'C:\\Users\\nodejs'", "C:\\Users\\nodejs")]
    [InlineData("'<\\i\\c*\\s*>'", "<\\i\\c*\\s*>")]
    [InlineData("''", "")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    public void Parse_LiteralString_KeepsContentVerbatim(string toml, string expected) =>
        Assert.Equal(expected, ParseValue(toml).GetString());

    [Theory]
    [InlineData("'''\nfirst\n  second\\n'''", "first\n  second\\n")]
    [InlineData("'''I [dw]on't need \\d{2}'''", "I [dw]on't need \\d{2}")]
    [InlineData("'''it''s'''''", "it''s''")]
    [InlineData("'''\r\na\r\n'''", "a\n")]
    public void Parse_MultilineLiteralString_KeepsContentVerbatim(string toml, string expected) =>
        Assert.Equal(expected, ParseValue(toml).GetString());

    [Theory]
    [InlineData("s = \"\\x41\"", 1, 6, "invalid escape sequence '\\x'")]
    [InlineData("s = \"\\e\"", 1, 6, "invalid escape sequence '\\e'")]
    [InlineData("s = \"a\\ b\"", 1, 7, "invalid escape sequence '\\ '")]
    [InlineData("s = \"\\uD800\"", 1, 6, "not a Unicode scalar value")]
    [InlineData("s = \"\\U00110000\"", 1, 6, "not a Unicode scalar value")]
    [InlineData("s = \"\\u12\"", 1, 6, "needs exactly 4 hexadecimal digits")]
    [InlineData("s = \"\\U1234567G\"", 1, 6, "needs exactly 8 hexadecimal digits")]
    [InlineData("s = \"abc", 1, 5, "unterminated string")]
    [InlineData("s = \"abc\nx = 1", 1, 5, "unterminated string")]
    [InlineData("s = \"a\u0001b\"", 1, 7, "control character U+0001")]
    [InlineData("s = \"a\u007Fb\"", 1, 7, "control character U+007F")]
    [InlineData("s = 'abc", 1, 5, "unterminated literal string")]
    [InlineData("s = 'a\nb'", 1, 5, "unterminated literal string")]
    [InlineData("s = 'a\u0000'", 1, 7, "control character U+0000")]
    [InlineData("s = \"\"\"abc", 1, 5, "unterminated multi-line string")]
    [InlineData("s = \"\"\"a\n\nb\"\"", 1, 5, "unterminated multi-line string")]
    [InlineData("s = '''abc''", 1, 5, "unterminated multi-line literal string")]
    [InlineData("s = \"\"\"a\"\"\"\"\"\"", 1, 14, "too many \" characters")]
    [InlineData("s = '''a''''''", 1, 14, "too many ' characters")]
    [InlineData("s = \"\"\"a \\ b\"\"\"", 1, 10, "invalid escape sequence")]
    [InlineData("s = \"\"\"\nok\nbad\rx\"\"\"", 3, 4, "bare carriage return")]
    [InlineData("s = \"\"\"a\u0008\"\"\"", 1, 9, "control character U+0008")]
    [InlineData("s = '''a\u001F'''", 1, 9, "control character U+001F")]
    public void Parse_InvalidString_ReportsPosition(string toml, int line, int column, string reason) =>
        AssertInvalid(toml, line, column, reason);
}
