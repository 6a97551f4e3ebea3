using System.Globalization;

namespace Ego.Proto.Syntax.Internal;

/// <summary>Recursive-descent parser over the token list; this part holds the token and comment bookkeeping.</summary>
internal sealed partial class Parser
{
    private const int MaxDepth = 64;
    private readonly List<Token> _tokens;
    private readonly string _path;
    private readonly List<ProtoComment> _orphans = [];
    private int _index;
    private int _lastLine;
    private int _depth;

    private Parser(List<Token> tokens, string path)
    {
        _tokens = tokens;
        _path = path;
    }

    public static ProtoFile Parse(string text, string path)
    {
        var parser = new Parser(Lexer.Tokenize(text, path), path);
        return parser.ParseFile(text);
    }

    private Token Current => _tokens[_index];

    private Token PeekAhead(int n) => _tokens[Math.Min(_index + n, _tokens.Count - 1)];

    private Token Next()
    {
        var token = Current;
        if (token.Kind == TokenKind.EndOfFile)
        {
            throw Unexpected("more input");
        }

        foreach (var group in token.Comments)
        {
            _orphans.Add(group.Comment);
        }

        token.Comments.Clear();
        _index++;
        _lastLine = token.Position.Line;
        return token;
    }

    private ProtoSyntaxException Unexpected(string expected) =>
        new(_path, Current.Position, $"expected {expected}, found {Current.Describe()}");

    private ProtoSyntaxException Error(SourcePosition at, string reason) => new(_path, at, reason);

    private Token Expect(string symbol) => Current.Is(symbol) ? Next() : throw Unexpected($"'{symbol}'");

    private Token ExpectWord(string word) => Current.IsWord(word) ? Next() : throw Unexpected($"'{word}'");

    private Token ExpectIdentifier(string what) =>
        Current.Kind == TokenKind.Identifier ? Next() : throw Unexpected(what);

    private bool Accept(string symbol)
    {
        if (!Current.Is(symbol))
        {
            return false;
        }

        Next();
        return true;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error(Current.Position, $"expected at most {MaxDepth} levels of nesting");
        }
    }

    private void Leave() => _depth--;

    private ElementStart Begin()
    {
        var token = Current;
        var groups = token.Comments.ToList();
        token.Comments.Clear();
        ProtoComment? leading = null;
        if (groups.Count > 0 && !groups[^1].SameLineAsPrevious && groups[^1].EndLine >= token.Position.Line - 1)
        {
            leading = groups[^1].Comment;
            groups.RemoveAt(groups.Count - 1);
        }

        var firstLine = groups.FirstOrDefault(g => !g.SameLineAsPrevious)?.StartLine
            ?? leading?.Position.Line ?? token.Position.Line;
        var detached = groups.Select(g => g.Comment).ToList();
        return new ElementStart(token.Position, leading, detached, _orphans.Count, _lastLine > 0 && firstLine - _lastLine > 1);
    }

    private ProtoComment? TakeTrailing(Token terminator)
    {
        var groups = Current.Comments;
        if (groups.Count > 0 && groups[0].SameLineAsPrevious && groups[0].StartLine == terminator.Position.Line)
        {
            var comment = groups[0].Comment;
            groups.RemoveAt(0);
            _lastLine = comment.EndLine;
            return comment;
        }

        return null;
    }

    /// <summary>Takes the comments before the current token (a closing brace or the end of the file).</summary>
    private List<ProtoComment> TakeInner()
    {
        var inner = Current.Comments.Select(g => g.Comment).ToList();
        Current.Comments.Clear();
        return inner;
    }

    private ProtoComments Comments(ElementStart start, ProtoComment? trailing, List<ProtoComment>? inner = null, ProtoComment? closing = null)
    {
        var detached = start.Detached.ToList();
        if (_orphans.Count > start.OrphanIndex)
        {
            detached.AddRange(_orphans.Skip(start.OrphanIndex));
            _orphans.RemoveRange(start.OrphanIndex, _orphans.Count - start.OrphanIndex);
        }

        if (detached.Count == 0 && start.Leading is null && trailing is null && inner is not { Count: > 0 } && closing is null)
        {
            return ProtoComments.Empty;
        }

        return new ProtoComments
        {
            Detached = detached,
            Leading = start.Leading,
            Trailing = trailing,
            Inner = inner ?? [],
            Closing = closing,
        };
    }

    /// <summary>
    /// Parses the members of a <c>{ … }</c> block whose opening brace was consumed, skipping empty statements, then
    /// the closing brace; returns the members, the comments before the closing brace and the one after it.
    /// </summary>
    private (List<T> Members, List<ProtoComment> Inner, ProtoComment? Closing) ParseBlock<T>(Func<T> parseMember)
    {
        var members = new List<T>();
        while (!Current.Is("}"))
        {
            if (!Accept(";"))
            {
                members.Add(parseMember());
            }
        }

        var inner = TakeInner();
        var closing = TakeTrailing(Expect("}"));
        return (members, inner, closing);
    }

    /// <summary>Consumes <c>;</c> and returns the comment after it on the same line.</summary>
    private ProtoComment? EndStatement() => TakeTrailing(Expect(";"));

    private ulong ParseUnsigned(Token token)
    {
        var text = token.Text;
        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : text.Length > 1 && text[0] == '0' ? TryParseOctal(text, out value)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return ok ? value : throw Error(token.Position, $"expected an integer that fits in 64 bits, found '{text}'");
    }

    private static bool TryParseOctal(string text, out ulong value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '7' || value > (ulong.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) | (uint)(c - '0');
        }

        return true;
    }

    /// <summary>Reads an optionally negative integer within [min, max].</summary>
    private long ExpectInteger(string what, long min, long max)
    {
        var negative = Current.Is("-") && PeekAhead(1).Kind == TokenKind.Integer;
        if (negative)
        {
            Next();
        }

        if (Current.Kind != TokenKind.Integer)
        {
            throw Unexpected(what);
        }

        var token = Next();
        var magnitude = ParseUnsigned(token);
        var value = negative ? (magnitude > (ulong)long.MaxValue + 1 ? long.MinValue : -(long)Math.Min(magnitude, (ulong)long.MaxValue)) :
            magnitude > long.MaxValue ? long.MaxValue : (long)magnitude;
        return value < min || value > max
            ? throw Error(token.Position, $"expected {what} between {min} and {max}, found {(negative ? "-" : "")}{token.Text}")
            : value;
    }
}
