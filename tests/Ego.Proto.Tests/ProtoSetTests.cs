using Ego.Proto;

namespace Ego.Proto.Tests;

public sealed class ProtoSetTests
{
    [Fact]
    public void LoadDirectory_NestedFiles_UsesRelativeSlashPathsAndCollectsSyntaxErrors()
    {
        var root = Directory.CreateTempSubdirectory("ego-proto-set-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "a", "v1"));
            File.WriteAllText(Path.Combine(root.FullName, "a", "v1", "a.proto"), "syntax = \"proto3\";\npackage a.v1;\n");
            File.WriteAllText(Path.Combine(root.FullName, "broken.proto"), "message {");
            File.WriteAllText(Path.Combine(root.FullName, "notes.txt"), "not a proto");

            var set = ProtoSet.LoadDirectory(root.FullName);

            Assert.Equal("a/v1/a.proto", Assert.Single(set.Files).Path);
            Assert.Equal("broken.proto:1:9 SYNTAX expected a message name, found '{'", Assert.Single(set.Errors).ToString());
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadDirectory_Missing_ThrowsNamingDirectory()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => ProtoSet.LoadDirectory(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Sources_SortsByPath()
    {
        var set = ProtoSet.Parse(new Dictionary<string, string>
        {
            ["z.proto"] = "syntax = \"proto3\";",
            ["b.proto"] = "syntax = \"proto2\";",
        });

        Assert.Equal(["b.proto", "z.proto"], set.Files.Select(f => f.Path));
        Assert.Empty(set.Errors);
    }
}
