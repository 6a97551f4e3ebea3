using Ego.Configuration;

namespace Ego.Core.Tests.Configuration;

public sealed class ConfigFileParserTests
{
    [Fact]
    public void Json_NestedObjectsAndArrays_FlattenToPaths()
    {
        var data = new JsonConfigFileParser().Parse("""{ "server": { "grpc": { "port": 9002, "tls": false } }, "peers": ["a", "b"] }""", "app.json");

        Assert.Equal("9002", data["server:grpc:port"]);
        Assert.Equal("false", data["server:grpc:tls"]);
        Assert.Equal("b", data["peers:1"]);
    }

    [Fact]
    public void Json_Invalid_ReportsLineAndColumn()
    {
        var error = Assert.Throws<ConfigFileFormatException>(() => new JsonConfigFileParser().Parse("{\n  \"a\": 1,\n  \"b\" 2\n}", "app.json"));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("app.json:3:", error.Message);
    }

    [Fact]
    public void Yaml_MappingsAndSequences_FlattenToPaths()
    {
        var data = new YamlConfigFileParser().Parse("server:\n  grpc:\n    port: 9002\npeers:\n  - a\n  - b\nempty: ~\n", "app.yaml");

        Assert.Equal("9002", data["server:grpc:port"]);
        Assert.Equal("b", data["peers:1"]);
        Assert.Null(data["empty"]);
    }

    [Fact]
    public void Yaml_Invalid_ReportsLineAndColumn()
    {
        var error = Assert.Throws<ConfigFileFormatException>(() => new YamlConfigFileParser().Parse("server:\n  port: 1\n bad: [\n", "app.yaml"));

        Assert.True(error.Line >= 2);
        Assert.StartsWith("app.yaml:", error.Message);
    }

    [Fact]
    public void Toml_Tables_FlattenToPaths()
    {
        var data = new TomlConfigFileParser().Parse("[server.grpc]\nport = 9002\n[[peers]]\nname = \"a\"\n", "app.toml");

        Assert.Equal("9002", data["server:grpc:port"]);
        Assert.Equal("a", data["peers:0:name"]);
    }

    [Fact]
    public void Toml_Invalid_ReportsLineAndColumn()
    {
        var error = Assert.Throws<ConfigFileFormatException>(() => new TomlConfigFileParser().Parse("a = 1\na = 2\n", "app.toml"));

        Assert.Equal(2, error.Line);
        Assert.StartsWith("app.toml:2:", error.Message);
    }

    [Theory]
    [InlineData("a.toml", typeof(TomlConfigFileParser))]
    [InlineData("a.JSON", typeof(JsonConfigFileParser))]
    [InlineData("a.yaml", typeof(YamlConfigFileParser))]
    [InlineData("a.yml", typeof(YamlConfigFileParser))]
    public void ForPath_Extension_PicksParser(string path, Type expected)
    {
        Assert.IsType(expected, ConfigFileParsers.ForPath(path));
    }
}
