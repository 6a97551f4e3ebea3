using Google.Protobuf.Reflection;

namespace Ego.Grpc.Generator;

/// <summary>Where a descriptor is declared, from the file's SourceCodeInfo, written as protoc writes positions: <c>file:line:column</c> (1-based).</summary>
internal sealed class SourcePositions
{
    private readonly string _fileName;
    private readonly Dictionary<string, SourceCodeInfo.Types.Location> _locations = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<SourceCodeInfo.Types.Location> _all;

    public SourcePositions(FileDescriptorProto file)
    {
        _fileName = file.Name;
        _all = [.. file.SourceCodeInfo?.Location ?? []];
        foreach (var location in _all)
        {
            _locations.TryAdd(Key(location.Path), location);
        }
    }

    /// <summary>The leading comment of the element at <paramref name="path"/>, or null.</summary>
    public string? LeadingComment(params int[] path)
        => _locations.GetValueOrDefault(Key(path)) is { HasLeadingComments: true } location ? location.LeadingComments : null;

    /// <summary><c>user.proto:12:3</c>, or just the file name when the request carries no source info.</summary>
    public string Describe(params int[] path)
        => _locations.GetValueOrDefault(Key(path)) is { Span.Count: >= 2 } location
            ? $"{_fileName}:{location.Span[0] + 1}:{location.Span[1] + 1}"
            : _fileName;

    /// <summary>Every comment of the file (leading, trailing and detached), in declaration order.</summary>
    public IEnumerable<string> AllComments()
        => _all.SelectMany(l => l.LeadingDetachedComments.Append(l.LeadingComments).Append(l.TrailingComments));

    private static string Key(IEnumerable<int> path) => string.Join('.', path);
}
