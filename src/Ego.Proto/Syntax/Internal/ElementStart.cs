namespace Ego.Proto.Syntax.Internal;

/// <summary>What the parser knows when an element begins: its position and the comments before it.</summary>
internal readonly record struct ElementStart(
    SourcePosition Position,
    ProtoComment? Leading,
    IReadOnlyList<ProtoComment> Detached,
    int OrphanIndex,
    bool BlankLineBefore);
