using Ego.Proto.Syntax;
using Google.Protobuf.Reflection;

namespace Ego.Proto.Descriptors.Internal;

/// <summary>
/// Positions of a descriptor's elements from its <c>source_code_info</c> (element path → 0-based span);
/// every element of a file compiled without source info sits at 1:1 so findings still name a location.
/// </summary>
internal sealed class SourceLocations
{
    private static readonly SourcePosition FileStart = new(1, 1);
    private readonly Dictionary<string, SourcePosition> _starts = new(StringComparer.Ordinal);

    public SourceLocations(SourceCodeInfo? info)
    {
        foreach (var location in info?.Location ?? [])
        {
            if (location.Span.Count >= 3)
            {
                // The first location of a path is the element itself; later ones are for repeated declarations.
                _starts.TryAdd(Key(location.Path), new SourcePosition(location.Span[0] + 1, location.Span[1] + 1));
            }
        }
    }

    /// <summary>Where the element at <paramref name="path"/> starts, or 1:1 when the set has no source info for it.</summary>
    public SourcePosition At(IReadOnlyList<int> path) => _starts.GetValueOrDefault(Key(path), FileStart);

    private static string Key(IEnumerable<int> path) => string.Join(',', path);
}
