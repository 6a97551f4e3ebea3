namespace Ego.Proto.Syntax;

/// <summary>How a comment was written.</summary>
public enum CommentStyle
{
    /// <summary><c>// ...</c>, one or more consecutive lines.</summary>
    Line,

    /// <summary><c>/* ... */</c>.</summary>
    Block,
}
