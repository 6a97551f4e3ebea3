using Ego.Configuration.Toml;

namespace Ego.Core.Tests.Configuration.Toml;

public sealed class TomlTableTests
{
    [Fact]
    public void Enumerate_ManyKeys_KeepsDocumentOrderAndFindsEachKey()
    {
        var keys = Enumerable.Range(0, 40).Select(i => $"k{(i * 7) % 40}").ToArray();
        var doc = TomlParser.Parse(string.Join('\n', keys.Select((k, i) => $"{k} = {i}")));

        Assert.Equal(keys, doc.Select(kv => kv.Key));
        Assert.All(keys.Select((k, i) => (k, i)), p => Assert.Equal(p.i, doc[p.k].GetInteger()));
    }

    [Fact]
    public void Indexer_MissingKey_ThrowsNamingKey()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => new TomlTable()["nope"]);

        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_DuplicateKey_Throws()
    {
        var table = new TomlTable { { "a", TomlValue.FromInteger(1) } };

        Assert.Throws<ArgumentException>(() => table.Add("a", TomlValue.FromInteger(2)));
        Assert.True(table.ContainsKey("a"));
        Assert.False(table.ContainsKey("A"));
    }

    [Fact]
    public void TryGetValue_AfterIndexIsBuilt_IsCaseSensitive()
    {
        var table = new TomlTable();
        for (var i = 0; i < 20; i++)
        {
            table.Add($"Key{i}", TomlValue.FromInteger(i));
        }

        Assert.True(table.TryGetValue("Key15", out var value));
        Assert.Equal(15, value.GetInteger());
        Assert.False(table.TryGetValue("key15", out _));
        Assert.Equal(20, table.Values.Count());
    }
}
