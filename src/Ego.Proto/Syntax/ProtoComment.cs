namespace Ego.Proto.Syntax;

/// <summary>
/// One comment group: consecutive <c>//</c> lines, or one <c>/* */</c> block.
/// <see cref="Text"/> is the text between the markers exactly as written (lines joined with <c>\n</c>).
/// </summary>
public sealed class ProtoComment
{
    public required CommentStyle Style { get; init; }

    public required string Text { get; init; }

    public required SourcePosition Position { get; init; }

    /// <summary>Line of the last character of the comment.</summary>
    public int EndLine { get; init; }

    /// <summary>The text without markers, decoration or surrounding blank space.</summary>
    public string Content
    {
        get
        {
            var lines = Text.Split('\n').Select(l => l.Trim().TrimStart('*').Trim());
            return string.Join("\n", lines).Trim();
        }
    }

    public bool IsEmpty => Content.Length == 0;
}
