namespace Ego.Grpc.Tests;

public sealed class MetadataTests
{
    [Fact]
    public void Add_MixedCaseKey_IsLowerCased()
    {
        var metadata = new Metadata { { "X-Request-Id", "1" } };

        Assert.Equal("x-request-id", metadata[0].Key);
        Assert.Equal("1", metadata.GetValue("x-request-id"));
    }

    [Theory]
    [InlineData("bad key")]
    [InlineData("ünicode")]
    [InlineData("")]
    public void Add_InvalidKey_ThrowsNamingIt(string key)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new Metadata { { key, "v" } });

        Assert.Contains("key", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Add_TextValueForBinaryKey_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Metadata { { "data-bin", "text" } });

        Assert.Contains("-bin", error.Message);
    }

    [Fact]
    public void Add_BytesForTextKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Metadata { { "data", new byte[] { 1 } } });
    }

    [Fact]
    public void Add_NonAsciiTextValue_ThrowsSuggestingBinaryKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new Metadata { { "name", "zoë" } });

        Assert.Contains("-bin", error.Message);
    }

    [Fact]
    public void Get_RepeatedKey_ReturnsLastAndGetAllReturnsEvery()
    {
        var metadata = new Metadata { { "k", "1" }, { "k", "2" } };

        Assert.Equal("2", metadata.GetValue("k"));
        Assert.Equal(["1", "2"], metadata.GetAll("k").Select(e => e.Value));
        Assert.Null(metadata.Get("missing"));
    }

    [Fact]
    public void Entry_Binary_ExposesBytesAndRefusesValue()
    {
        var entry = new Metadata.Entry("id-bin", [1, 2]);

        Assert.True(entry.IsBinary);
        Assert.Equal(new byte[] { 1, 2 }, entry.ValueBytes);
        Assert.Throws<InvalidOperationException>(() => entry.Value);
    }

    [Fact]
    public void Empty_IsReadOnly()
    {
        Assert.Throws<InvalidOperationException>(() => Metadata.Empty.Add("k", "v"));
    }
}
