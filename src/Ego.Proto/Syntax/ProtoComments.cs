namespace Ego.Proto.Syntax;

/// <summary>
/// Comments attached to an element, in the spirit of protoc's SourceCodeInfo: detached groups
/// (separated from the element by a blank line), the leading group, the trailing comment on the
/// element's last line, and for blocks the comments before and after the closing brace.
/// </summary>
public sealed class ProtoComments
{
    public static readonly ProtoComments Empty = new();

    public IReadOnlyList<ProtoComment> Detached { get; init; } = [];

    public ProtoComment? Leading { get; init; }

    public ProtoComment? Trailing { get; init; }

    /// <summary>Comments inside a block after its last element, before <c>}</c>.</summary>
    public IReadOnlyList<ProtoComment> Inner { get; init; } = [];

    /// <summary>Comment after the closing <c>}</c> on the same line.</summary>
    public ProtoComment? Closing { get; init; }

    public IEnumerable<ProtoComment> All()
    {
        foreach (var c in Detached)
        {
            yield return c;
        }

        if (Leading is not null)
        {
            yield return Leading;
        }

        if (Trailing is not null)
        {
            yield return Trailing;
        }

        foreach (var c in Inner)
        {
            yield return c;
        }

        if (Closing is not null)
        {
            yield return Closing;
        }
    }
}
