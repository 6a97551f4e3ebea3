using Ego.Tests.Shared;

namespace Ego.Proto.Tests.Descriptors;

/// <summary>A temporary -I root of .proto sources, compiled to descriptor sets with the real protoc.</summary>
internal sealed class ProtoWorkspace : IDisposable
{
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

    public string Root { get; } = Directory.CreateTempSubdirectory("ego-descriptors-").FullName;

    public ProtoWorkspace Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        _sources[path] = text;
        return this;
    }

    public void Delete(string path)
    {
        File.Delete(Path.Combine(Root, path));
        _sources.Remove(path);
    }

    /// <summary>Compiles every written file into a descriptor set (with imports) and returns its path.</summary>
    public string Compile(bool sourceInfo = true)
    {
        var output = Path.Combine(Root, $"set-{Guid.NewGuid():N}.pb");
        Protoc.WriteDescriptorSet(Root, _sources.Keys.Order(StringComparer.Ordinal), output, sourceInfo);
        return output;
    }

    /// <summary>The written files parsed from source, named as protoc names them.</summary>
    public ProtoSet Sources()
    {
        var set = ProtoSet.Parse(_sources);
        Assert.Empty(set.Errors);
        return set;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
