namespace Ego.Proto.Syntax;

/// <summary>Base of every element of a .proto file: where it starts and its comments.</summary>
public abstract class ProtoElement
{
    /// <summary>Position of the element's first token.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>Position of the element's name (or of its first token when it has none).</summary>
    public SourcePosition NamePosition { get; init; }

    public ProtoComments Comments { get; init; } = ProtoComments.Empty;

    /// <summary>Whether the source had a blank line before this element (kept by the formatter).</summary>
    public bool BlankLineBefore { get; init; }
}
