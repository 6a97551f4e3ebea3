using Ego.Proto.Lint;

namespace Ego.Proto.Tests;

public sealed class LintConfigTests
{
    [Fact]
    public void Parse_Yaml_ReadsAllKeys()
    {
        const string yaml = """
            disable:
              - COMMENT_FIELD
              - INDENT_SPACES
            enable: [COMMENT_ENUM]
            enum_zero_value_suffix: _UNKNOWN
            root: proto
            """;

        var options = LintConfig.Parse(yaml, "lint.yaml", "/repo");

        Assert.Equal(["COMMENT_FIELD", "INDENT_SPACES"], options.DisabledRules.Order());
        Assert.Equal(["COMMENT_ENUM"], options.EnabledRules);
        Assert.Equal("_UNKNOWN", options.EnumZeroValueSuffix);
        Assert.Equal(Path.GetFullPath("proto", "/repo"), options.Root);
    }

    [Fact]
    public void Parse_Json_ReadsAllKeys()
    {
        var options = LintConfig.Parse("""{"disable": ["COMMENT_RPC"], "root": "/abs"}""", "lint.json");

        Assert.Equal(["COMMENT_RPC"], options.DisabledRules);
        Assert.Equal("/abs", options.Root);
        Assert.Equal("_UNSPECIFIED", options.EnumZeroValueSuffix);
    }

    [Fact]
    public void Parse_InvalidValues_ReportsEveryError()
    {
        var error = Assert.Throws<ProtoConfigException>(() =>
            LintConfig.Parse("disable: [NOPE, ALSO_NOPE]\nenum_zero_value_suffix: unspecified\n", "lint.yaml"));

        Assert.Equal(3, error.Errors.Count);
        Assert.StartsWith("lint.yaml: invalid lint config: unknown lint rule 'ALSO_NOPE'", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Errors, e => e.Contains("enum_zero_value_suffix 'unspecified'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnknownKey_NamesFileAndLine()
    {
        var error = Assert.Throws<ProtoConfigException>(() => LintConfig.Parse("root: x\ncolour: red\n", "lint.yaml"));

        Assert.StartsWith("lint.yaml: invalid lint config: line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsConfigException()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "lint.yaml");

        var error = Assert.Throws<ProtoConfigException>(() => LintConfig.Load(path));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Load_File_ResolvesRootAgainstConfigDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("ego-proto-lint-");
        try
        {
            var path = Path.Combine(directory.FullName, "lint.yaml");
            File.WriteAllText(path, "root: protos\n");

            var options = LintConfig.Load(path);

            Assert.Equal(Path.Combine(directory.FullName, "protos"), options.Root);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
