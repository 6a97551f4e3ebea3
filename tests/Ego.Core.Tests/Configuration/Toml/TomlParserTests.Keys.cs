using Ego.Configuration.Toml;

namespace Ego.Core.Tests.Configuration.Toml;

public sealed partial class TomlParserTests
{
    [Theory]
    [InlineData("bare_key-1 = 1", "bare_key-1")]
    [InlineData("1234 = 1", "1234")]
    [InlineData("\"quoted \\u00e9\" = 1", "quoted é")]
    [InlineData("'literal \\n' = 1", "literal \\n")]
    [InlineData("\"\" = 1", "")]
    [InlineData("'' = 1", "")]
    [InlineData("\"a.b\" = 1", "a.b")]
    [InlineData("  \tindented = 1", "indented")]
    public void Parse_Key_IsSingleKey(string toml, string expectedKey) =>
        Assert.Equal([expectedKey], TomlParser.Parse(toml).Keys);

    [Fact]
    public void Parse_Keys_AreCaseSensitive()
    {
        var doc = TomlParser.Parse("k = 1\nK = 2");

        Assert.Equal((1L, 2L), (doc["k"].GetInteger(), doc["K"].GetInteger()));
    }

    [Fact]
    public void Parse_DottedKeyWithWhitespaceAndQuotes_CreatesNestedTables()
    {
        var doc = TomlParser.Parse("site . \"google.com\" . 'up' = true\nsite.other = 1");

        var site = doc["site"].GetTable();
        Assert.True(site["google.com"].GetTable()["up"].GetBoolean());
        Assert.Equal(1, site["other"].GetInteger());
    }

    [Fact]
    public void Parse_NumericDottedKey_SplitsOnDot()
    {
        var doc = TomlParser.Parse("3.14159 = 'pi'");

        Assert.Equal("pi", doc["3"].GetTable()["14159"].GetString());
    }

    [Theory]
    [InlineData("= 1", 1, 1, "expected a key (letters, digits, '_', '-' or a quoted string), found '='")]
    [InlineData("a b = 1", 1, 3, "expected '=' after key 'a', found 'b'")]
    [InlineData("a", 1, 2, "expected '=' after key 'a', found end of input")]
    [InlineData("a.b c = 1", 1, 5, "expected '=' after key 'a.b', found 'c'")]
    [InlineData("a =", 1, 4, "expected a value, found end of input")]
    [InlineData("a = # nothing", 1, 5, "expected a value, found end of line")]
    [InlineData("a = @", 1, 5, "expected a value (string, number, boolean, date-time, array or inline table), found '@'")]
    [InlineData("a = bare", 1, 5, "expected a value")]
    [InlineData("\"\"\"k\"\"\" = 1", 1, 1, "a multi-line string cannot be used as a key")]
    [InlineData("a.= 1", 1, 3, "expected a key")]
    [InlineData("ké = 1", 1, 2, "expected '=' after key 'k', found 'é'")]
    [InlineData("\"k\n\" = 1", 1, 1, "unterminated string")]
    [InlineData("a = 1\na = 2", 2, 1, "duplicate key 'a' (first defined at 1:1)")]
    [InlineData("a = 1\n\"a\" = 2", 2, 1, "duplicate key '\"a\"' (first defined at 1:1)")]
    [InlineData("a.b = 1\na.b = 2", 2, 3, "duplicate key 'a.b' (first defined at 1:3)")]
    [InlineData("a.b = 1\na = 2", 2, 1, "duplicate key 'a' (first defined at 1:1)")]
    [InlineData("a = 1\na.b = 2", 2, 1, "cannot add keys to 'a': it is an integer defined at 1:1, not a table")]
    [InlineData("a = [1]\na.b = 2", 2, 1, "cannot add keys to 'a': it is an array defined at 1:1")]
    [InlineData("[t]\nx.y = 1\n[t.x.y]", 3, 6, "table [t.x.y] conflicts with key 't.x.y' defined as an integer at 2:3")]
    public void Parse_InvalidKey_ReportsPosition(string toml, int line, int column, string reason) =>
        AssertInvalid(toml, line, column, reason);

    [Fact]
    public void Parse_CommentsBlankLinesAndWhitespace_AreIgnored()
    {
        var doc = TomlParser.Parse("# full line\n\n  \t\na = 1 # trailing\nb=2#tight\n\t[ t ]  # header comment\n  c\t=\t3\n# tab\tin comment\n");

        Assert.Equal(["a", "b", "t"], doc.Keys);
        Assert.Equal(3, doc["t"].GetTable()["c"].GetInteger());
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment")]
    [InlineData("\n\n\r\n")]
    [InlineData("\uFEFF")]
    public void Parse_EmptyDocument_ReturnsEmptyTable(string toml) => Assert.Empty(TomlParser.Parse(toml));

    [Fact]
    public void Parse_CrlfLineEndings_ParseLikeLf()
    {
        var doc = TomlParser.Parse("a = 1\r\n[b]\r\nc = \"x\"\r\n# note\r\n");

        Assert.Equal("x", doc["b"].GetTable()["c"].GetString());
    }

    [Fact]
    public void Parse_ByteOrderMarkInString_IsSkipped() =>
        Assert.Equal(1, TomlParser.Parse("\uFEFFa = 1")["a"].GetInteger());

    [Theory]
    [InlineData("a = 1\rb = 2", 1, 6, "bare carriage return")]
    [InlineData("a = 1 \r", 1, 7, "bare carriage return")]
    [InlineData("# bad \u0001 comment", 1, 7, "control character U+0001 is not allowed in a comment")]
    [InlineData("a = 1 # \u007F", 1, 9, "control character U+007F")]
    [InlineData("a = 1\n  b = 2 c", 2, 9, "expected a newline or comment after the value, found 'c'")]
    public void Parse_InvalidLayout_ReportsPosition(string toml, int line, int column, string reason) =>
        AssertInvalid(toml, line, column, reason);
}
