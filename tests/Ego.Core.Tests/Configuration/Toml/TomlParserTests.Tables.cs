using Ego.Configuration.Toml;

namespace Ego.Core.Tests.Configuration.Toml;

public sealed partial class TomlParserTests
{
    [Fact]
    public void Parse_Tables_PutKeysUnderTheirHeader()
    {
        var doc = TomlParser.Parse("top = 0\n[a]\nx = 1\n[b]\ny = 2\n");

        Assert.Equal(["top", "a", "b"], doc.Keys);
        Assert.Equal(1, doc["a"].GetTable()["x"].GetInteger());
        Assert.Equal(2, doc["b"].GetTable()["y"].GetInteger());
    }

    [Fact]
    public void Parse_SuperTableAfterSubTable_IsAllowed()
    {
        var doc = TomlParser.Parse("[a.b.c]\nx = 1\n[a]\ny = 2\n");

        var a = doc["a"].GetTable();
        Assert.Equal(2, a["y"].GetInteger());
        Assert.Equal(1, a["b"].GetTable()["c"].GetTable()["x"].GetInteger());
    }

    [Fact]
    public void Parse_HeaderWithWhitespaceAndQuotedKeys_SplitsOnUnquotedDots()
    {
        var doc = TomlParser.Parse("[ dog . \"tater.man\" . 'type' ]\nname = 'pug'");

        Assert.Equal("pug", doc["dog"].GetTable()["tater.man"].GetTable()["type"].GetTable()["name"].GetString());
    }

    [Fact]
    public void Parse_EmptyTables_AreKept()
    {
        var doc = TomlParser.Parse("[a]\n[a.b]\n");

        Assert.Empty(doc["a"].GetTable()["b"].GetTable());
    }

    [Fact]
    public void Parse_SubTableOfDottedKeyTable_IsAllowed()
    {
        var doc = TomlParser.Parse("[fruit]\napple.color = 'red'\n[fruit.apple.texture]\nsmooth = true\n");

        var apple = doc["fruit"].GetTable()["apple"].GetTable();
        Assert.Equal("red", apple["color"].GetString());
        Assert.True(apple["texture"].GetTable()["smooth"].GetBoolean());
    }

    [Fact]
    public void Parse_DottedKeysIntoImplicitTable_AreAllowed()
    {
        var doc = TomlParser.Parse("[a.b.c]\nz = 1\n[a]\nb.d = 2\n");

        Assert.Equal(2, doc["a"].GetTable()["b"].GetTable()["d"].GetInteger());
    }

    [Theory]
    [InlineData("[a]\n[a]", 2, 2, "table [a] is already defined at 1:2")]
    [InlineData("[a.b]\n[a]\n[a.b]", 3, 4, "table [a.b] is already defined at 1:4")]
    [InlineData("[a]\nb = 1\n[a.b]", 3, 4, "table [a.b] conflicts with key 'a.b' defined as an integer at 2:1")]
    [InlineData("a.b = 1\n[a]", 2, 2, "table [a] is already defined by dotted keys at 1:1")]
    [InlineData("[x]\na.b = 1\n[x.a]", 3, 4, "table [x.a] is already defined by dotted keys at 2:1")]
    [InlineData("[a.b]\nc = 1\n[a]\nb.d = 2", 4, 1, "cannot add keys to table 'b' with dotted keys: it is defined by a table header at 1:4")]
    [InlineData("[a]\nx = 1\n[a.x.y]", 3, 4, "cannot add to 'a.x': it is an integer defined at 2:1, not a table")]
    [InlineData("[a", 1, 3, "expected ']' to close the table header opened at 1:1, found end of input")]
    [InlineData("[a b]", 1, 4, "expected ']' to close the table header")]
    [InlineData("[]", 1, 2, "expected a key")]
    [InlineData("[a.]", 1, 4, "expected a key")]
    [InlineData("[a]]", 1, 4, "expected a newline or comment after the table header, found ']'")]
    [InlineData("[a] b = 1", 1, 5, "expected a newline or comment after the table header, found 'b'")]
    public void Parse_InvalidTable_ReportsPosition(string toml, int line, int column, string reason) =>
        AssertInvalid(toml, line, column, reason);

    [Fact]
    public void Parse_ArrayOfTables_AppendsOneTablePerHeader()
    {
        var doc = TomlParser.Parse("[[p]]\nn = 1\n\n[[p]]\n\n[[p]]\nn = 3\n");

        var p = doc["p"].GetArray();
        Assert.True(p.IsTableArray);
        Assert.Equal(3, p.Count);
        Assert.Empty(p[1].GetTable());
        Assert.Equal(3, p[2].GetTable()["n"].GetInteger());
    }

    [Fact]
    public void Parse_NestedArraysOfTables_AttachToTheLastParentItem()
    {
        const string toml = """
            [[fruits]]
            name = "apple"
            [fruits.physical]
            color = "red"
            [[fruits.varieties]]
            name = "red delicious"
            [[fruits.varieties]]
            name = "granny smith"
            [[fruits]]
            name = "banana"
            [[fruits.varieties]]
            name = "plantain"
            """;

        var fruits = TomlParser.Parse(toml)["fruits"].GetArray();

        var apple = fruits[0].GetTable();
        Assert.Equal("red", apple["physical"].GetTable()["color"].GetString());
        Assert.Equal(2, apple["varieties"].GetArray().Count);
        Assert.Equal("plantain", fruits[1].GetTable()["varieties"].GetArray()[0].GetTable()["name"].GetString());
    }

    [Theory]
    [InlineData("a = [1]\n[[a]]", 2, 3, "cannot append to static array 'a' defined at 1:1 with [[a]]")]
    [InlineData("[a]\n[[a]]", 2, 3, "array of tables [[a]] conflicts with 'a' defined as a table at 1:2")]
    [InlineData("[[a]]\n[a]", 2, 2, "table [a] is already defined as an array of tables at 1:3; use [[a]] to add an item")]
    [InlineData("[[a]", 1, 4, "expected ']]' to close the table header opened at 1:1")]
    [InlineData("[[a] ]", 1, 4, "expected ']]'")]
    [InlineData("a = []\n[a.b]", 2, 2, "cannot add to 'a': it is a static array defined at 1:1")]
    [InlineData("[[a]]\nb = 1\n[a.b]", 3, 4, "table [a.b] conflicts with key 'a.b' defined as an integer at 2:1")]
    public void Parse_InvalidArrayOfTables_ReportsPosition(string toml, int line, int column, string reason) =>
        AssertInvalid(toml, line, column, reason);
}
