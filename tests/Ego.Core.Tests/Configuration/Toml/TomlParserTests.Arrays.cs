using Ego.Configuration.Toml;

namespace Ego.Core.Tests.Configuration.Toml;

public sealed partial class TomlParserTests
{
    [Fact]
    public void Parse_ArrayOfIntegers_KeepsOrder()
    {
        var array = ParseValue("[1, 2, 3]").GetArray();

        Assert.Equal([1L, 2L, 3L], array.Select(v => v.GetInteger()));
        Assert.False(array.IsTableArray);
    }

    [Fact]
    public void Parse_EmptyArray_HasNoItems() => Assert.Empty(ParseValue("[ ]").GetArray());

    [Fact]
    public void Parse_ArrayOfMixedTypes_IsAllowed()
    {
        var array = ParseValue("[1, \"two\", 3.5, true, [4], { five = 5 }, 1979-05-27]").GetArray();

        Assert.Equal(
            [TomlValueKind.Integer, TomlValueKind.String, TomlValueKind.Float, TomlValueKind.Boolean,
             TomlValueKind.Array, TomlValueKind.Table, TomlValueKind.LocalDate],
            array.Select(v => v.Kind));
        Assert.Equal(5, array[5].GetTable()["five"].GetInteger());
    }

    [Fact]
    public void Parse_MultilineArrayWithCommentsAndTrailingComma_ParsesItems()
    {
        var doc = TomlParser.Parse("a = [\n  1, # one\n  # standalone\n  2,\r\n]\nb = 3\n");

        Assert.Equal([1L, 2L], doc["a"].GetArray().Select(v => v.GetInteger()));
        Assert.Equal(3, doc["b"].GetInteger());
    }

    [Fact]
    public void Parse_NestedArrays_ParsesEachLevel()
    {
        var array = ParseValue("[[1, 2], ['a'], []]").GetArray();

        Assert.Equal(2, array[0].GetArray().Count);
        Assert.Equal("a", array[1].GetArray()[0].GetString());
        Assert.Empty(array[2].GetArray());
    }

    [Theory]
    [InlineData("a = [1, 2", 1, 5, "unterminated array: expected ']'")]
    [InlineData("a = [1 2]", 1, 8, "expected ',' or ']' after an array item, found '2'")]
    [InlineData("a = [,]", 1, 6, "expected a value")]
    [InlineData("a = [1,,2]", 1, 8, "expected a value")]
    [InlineData("a = [1] x", 1, 9, "expected a newline or comment after the value")]
    [InlineData("a = [\n1,\n2\nb = 3]", 4, 1, "expected ',' or ']'")]
    [InlineData("a = [1, 2,", 1, 5, "unterminated array")]
    public void Parse_InvalidArray_ReportsPosition(string toml, int line, int column, string reason) =>
        AssertInvalid(toml, line, column, reason);

    [Fact]
    public void Parse_InlineTable_HasKeysInOrder()
    {
        var table = ParseValue("{ x = 1, y = \"two\", z.w = true }").GetTable();

        Assert.Equal(["x", "y", "z"], table.Keys);
        Assert.True(table["z"].GetTable()["w"].GetBoolean());
    }

    [Fact]
    public void Parse_EmptyInlineTable_HasNoKeys() => Assert.Empty(ParseValue("{}").GetTable());

    [Fact]
    public void Parse_InlineTableWithDottedKeysIntoSameSubTable_MergesThem()
    {
        var table = ParseValue("{ a.b = 1, a.c = 2 }").GetTable();

        Assert.Equal(["b", "c"], table["a"].GetTable().Keys);
    }

    [Fact]
    public void Parse_InlineTableContainingMultilineArray_AllowsNewlinesInsideTheArray()
    {
        var table = ParseValue("{ ports = [\n  80,\n  443,\n], name = 'web' }").GetTable();

        Assert.Equal(2, table["ports"].GetArray().Count);
        Assert.Equal("web", table["name"].GetString());
    }

    [Theory]
    [InlineData("t = { x = 1, }", 1, 14, "a trailing comma is not allowed in an inline table")]
    [InlineData("t = { x = 1\n}", 1, 12, "newlines are not allowed inside an inline table")]
    [InlineData("t = {\n x = 1 }", 1, 6, "newlines are not allowed inside an inline table")]
    [InlineData("t = { x = 1 # c\n}", 1, 13, "comments are not allowed inside an inline table")]
    [InlineData("t = { x = 1", 1, 5, "unterminated inline table: expected '}'")]
    [InlineData("t = { x = 1 y = 2 }", 1, 13, "expected ',' or '}' after an inline table entry, found 'y'")]
    [InlineData("t = { x = 1, x = 2 }", 1, 14, "duplicate key 'x' (first defined at 1:7)")]
    [InlineData("t = { , }", 1, 7, "expected a key")]
    [InlineData("t = { x = 1 }\nt.y = 2", 2, 1, "cannot add keys to inline table 't' defined at 1:1")]
    [InlineData("t = { x = 1 }\n[t]", 2, 2, "table [t] is already defined as an inline table at 1:1")]
    [InlineData("t = { x = 1 }\n[t.sub]", 2, 2, "cannot add to inline table 't'")]
    [InlineData("t = { a = { b = 1 }, a.c = 2 }", 1, 22, "cannot add keys to inline table 'a'")]
    [InlineData("t = { a.b = 1 }\nt.a.c = 2", 2, 1, "cannot add keys to inline table 't'")]
    [InlineData("t = { a.b = 1 }\n[t.a.c]", 2, 2, "cannot add to inline table 't'")]
    public void Parse_InvalidInlineTable_ReportsPosition(string toml, int line, int column, string reason) =>
        AssertInvalid(toml, line, column, reason);

    [Fact]
    public void Parse_ArraysNestedWithinLimit_Parse()
    {
        var value = ParseValue(new string('[', 100) + new string(']', 100));

        Assert.Single(value.GetArray());
    }

    [Theory]
    [InlineData("v = ", "[", 1, 133)]
    [InlineData("v = ", "{a=", 1, 389)]
    [InlineData("", "a.", 1, 258)]
    public void Parse_NestingDeeperThanLimit_IsRejected(string prefix, string repeated, int line, int column)
    {
        var toml = prefix + string.Concat(Enumerable.Repeat(repeated, 200));

        AssertInvalid(toml, line, column, "nesting is deeper than 128 levels");
    }
}
