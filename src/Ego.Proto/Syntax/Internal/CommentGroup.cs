namespace Ego.Proto.Syntax.Internal;

/// <summary>A comment seen before a token, with where it sits relative to the tokens around it.</summary>
internal sealed class CommentGroup
{
    public required ProtoComment Comment { get; init; }

    /// <summary>Starts on the line where the previous token ended (a trailing-comment candidate).</summary>
    public bool SameLineAsPrevious { get; init; }

    public int StartLine => Comment.Position.Line;

    public int EndLine => Comment.EndLine;
}
