using Ego.Configuration.Toml;

namespace Ego.Core.Tests.Configuration.Toml;

/// <summary>Shared helpers; the cases live in the partial files, one per TOML construct.</summary>
public sealed partial class TomlParserTests
{
    private static TomlValue ParseValue(string valueText) => TomlParser.Parse("v = " + valueText)["v"];

    private static void AssertInvalid(string toml, int line, int column, string reasonFragment)
    {
        var ex = Assert.Throws<TomlParseException>(() => TomlParser.Parse(toml));
        Assert.Contains(reasonFragment, ex.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), (ex.Line, ex.Column));
    }

    [Fact]
    public void Parse_InvalidDocumentWithSourceName_MessageHasPathLineColumnAndReason()
    {
        var ex = Assert.Throws<TomlParseException>(() => TomlParser.Parse("port = 1\nport = 2\n", "config/local.toml"));

        Assert.Equal("config/local.toml:2:1: duplicate key 'port' (first defined at 1:1)", ex.Message);
        Assert.Equal("config/local.toml", ex.SourceName);
        Assert.IsAssignableFrom<FormatException>(ex);
    }

    [Fact]
    public void Parse_InvalidDocumentWithoutSourceName_MessageStartsWithLineAndColumn()
    {
        var ex = Assert.Throws<TomlParseException>(() => TomlParser.Parse("a = 1\nb = \n"));

        Assert.Equal("2:5: expected a value, found end of line", ex.Message);
    }

    [Fact]
    public void Parse_Utf8StreamWithBom_ParsesDocument()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("name = \"café\"\n"u8.ToArray()).ToArray();

        var doc = TomlParser.Parse(new MemoryStream(bytes));

        Assert.Equal("café", doc["name"].GetString());
    }

    [Fact]
    public void Parse_StreamWithInvalidUtf8_ReportsLineAndColumnOfBadByte()
    {
        var bytes = "a = 1\nb = \""u8.ToArray().Concat(new byte[] { 0xFF, (byte)'"' }).ToArray();

        var ex = Assert.Throws<TomlParseException>(() => TomlParser.Parse(new MemoryStream(bytes), "bad.toml"));

        Assert.Equal((2, 6), (ex.Line, ex.Column));
        Assert.StartsWith("bad.toml:2:6: invalid UTF-8: byte 0xFF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LargeNonSeekableStream_ReadsEverything()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"key{i} = {i}\n"));
        using var stream = new NonSeekableStream(System.Text.Encoding.UTF8.GetBytes(text));

        var doc = TomlParser.Parse(stream);

        Assert.Equal(2000, doc.Count);
        Assert.Equal(1999, doc["key1999"].GetInteger());
    }

    [Fact]
    public void Parse_TextReader_ParsesDocument()
    {
        var doc = TomlParser.Parse(new StringReader("a = 'x'"));

        Assert.Equal("x", doc["a"].GetString());
    }

    [Fact]
    public void Parse_Span_ParsesSlice()
    {
        var doc = TomlParser.Parse("a = 1\nb = 2".AsSpan(0, 5));

        Assert.Equal(["a"], doc.Keys);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
