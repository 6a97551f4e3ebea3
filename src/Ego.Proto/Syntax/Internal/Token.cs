namespace Ego.Proto.Syntax.Internal;

internal sealed class Token
{
    public required TokenKind Kind { get; init; }

    /// <summary>Source text of the token.</summary>
    public required string Text { get; init; }

    /// <summary>Decoded value of a string literal.</summary>
    public string? Value { get; init; }

    public required SourcePosition Position { get; init; }

    /// <summary>Comment groups between the previous token and this one not yet claimed by an element.</summary>
    public List<CommentGroup> Comments { get; } = [];

    public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    public bool IsWord(string word) => Kind == TokenKind.Identifier && Text == word;

    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.String => $"string {Text}",
        _ => $"'{Text}'",
    };
}
