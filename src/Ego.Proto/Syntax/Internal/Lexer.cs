using System.Globalization;
using System.Text;

namespace Ego.Proto.Syntax.Internal;

/// <summary>Splits .proto text into tokens, attaching each comment group to the token that follows it.</summary>
internal sealed class Lexer
{
    private const string Symbols = ";,.={}[]()<>:-+/";
    private readonly string _text;
    private readonly string _path;
    private readonly List<Token> _tokens = [];
    private readonly List<CommentGroup> _pending = [];
    private int _pos;
    private int _line = 1;
    private int _col = 1;
    private int _lastTokenLine;

    private Lexer(string text, string path)
    {
        _text = text;
        _path = path;
    }

    public static List<Token> Tokenize(string text, string path)
    {
        var lexer = new Lexer(text, path);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        if (_text.StartsWith('\uFEFF'))
        {
            _pos = 1;
        }

        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                Emit(TokenKind.EndOfFile, "", null, Here());
                return;
            }

            var c = _text[_pos];
            var start = Here();
            if (c == '/' && Peek(1) == '/')
            {
                LineComment(start);
            }
            else if (c == '/' && Peek(1) == '*')
            {
                BlockComment(start);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var begin = _pos;
                while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
                {
                    Advance();
                }

                Emit(TokenKind.Identifier, _text[begin.._pos], null, start);
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            {
                Number(start);
            }
            else if (c is '"' or '\'')
            {
                StringLiteral(start, c);
            }
            else if (Symbols.Contains(c, StringComparison.Ordinal))
            {
                Advance();
                Emit(TokenKind.Symbol, c.ToString(), null, start);
            }
            else
            {
                var shown = char.IsControl(c) || c > '~' ? $"U+{(int)c:X4}" : $"'{c}'";
                throw Error(start, $"unexpected character {shown}");
            }
        }
    }

    private SourcePosition Here() => new(_line, _col);

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void Advance()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _col = 1;
        }
        else
        {
            _col++;
        }

        _pos++;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            Advance();
        }
    }

    private ProtoSyntaxException Error(SourcePosition at, string reason) => new(_path, at, reason);

    private void Emit(TokenKind kind, string text, string? value, SourcePosition start)
    {
        var token = new Token { Kind = kind, Text = text, Value = value, Position = start };
        token.Comments.AddRange(_pending);
        _pending.Clear();
        _tokens.Add(token);
        _lastTokenLine = _line;
    }

    private void LineComment(SourcePosition start)
    {
        _pos += 2;
        _col += 2;
        var begin = _pos;
        while (_pos < _text.Length && _text[_pos] != '\n')
        {
            Advance();
        }

        var text = _text[begin.._pos].TrimEnd();
        var sameLine = _tokens.Count > 0 && _lastTokenLine == start.Line;
        var previous = _pending.Count > 0 ? _pending[^1] : null;
        if (!sameLine && previous is { Comment.Style: CommentStyle.Line, SameLineAsPrevious: false }
            && previous.EndLine == start.Line - 1 && previous.Comment.Position.Column == start.Column)
        {
            _pending[^1] = new CommentGroup
            {
                Comment = new ProtoComment
                {
                    Style = CommentStyle.Line,
                    Text = previous.Comment.Text + "\n" + text,
                    Position = previous.Comment.Position,
                    EndLine = start.Line,
                },
            };
            return;
        }

        _pending.Add(new CommentGroup
        {
            Comment = new ProtoComment { Style = CommentStyle.Line, Text = text, Position = start, EndLine = start.Line },
            SameLineAsPrevious = sameLine,
        });
    }

    private void BlockComment(SourcePosition start)
    {
        _pos += 2;
        _col += 2;
        var begin = _pos;
        while (!(Peek(0) == '*' && Peek(1) == '/'))
        {
            if (_pos >= _text.Length)
            {
                throw Error(start, "expected '*/' to close the comment, found end of file");
            }

            Advance();
        }

        var text = _text[begin.._pos].Replace("\r", "", StringComparison.Ordinal);
        var endLine = _line;
        _pos += 2;
        _col += 2;
        _pending.Add(new CommentGroup
        {
            Comment = new ProtoComment { Style = CommentStyle.Block, Text = text, Position = start, EndLine = endLine },
            SameLineAsPrevious = _tokens.Count > 0 && _lastTokenLine == start.Line,
        });
    }

    private void Number(SourcePosition start)
    {
        var begin = _pos;
        var kind = TokenKind.Integer;
        if (Peek(0) == '0' && Peek(1) is 'x' or 'X')
        {
            Advance();
            Advance();
            if (!char.IsAsciiHexDigit(Peek(0)))
            {
                throw Error(start, "expected hex digits after '0x'");
            }

            while (char.IsAsciiHexDigit(Peek(0)))
            {
                Advance();
            }
        }
        else
        {
            while (char.IsAsciiDigit(Peek(0)))
            {
                Advance();
            }

            if (Peek(0) == '.')
            {
                kind = TokenKind.Float;
                Advance();
                while (char.IsAsciiDigit(Peek(0)))
                {
                    Advance();
                }
            }

            if (Peek(0) is 'e' or 'E')
            {
                kind = TokenKind.Float;
                Advance();
                if (Peek(0) is '+' or '-')
                {
                    Advance();
                }

                if (!char.IsAsciiDigit(Peek(0)))
                {
                    throw Error(start, "expected digits in the exponent of a number");
                }

                while (char.IsAsciiDigit(Peek(0)))
                {
                    Advance();
                }
            }
        }

        if (char.IsAsciiLetter(Peek(0)) || Peek(0) == '_')
        {
            throw Error(Here(), "expected a space between a number and an identifier");
        }

        Emit(kind, _text[begin.._pos], null, start);
    }

    private void StringLiteral(SourcePosition start, char quote)
    {
        var begin = _pos;
        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(start, $"expected {quote} to close the string, found end of line");
            }

            var c = _text[_pos];
            if (c == quote)
            {
                Advance();
                break;
            }

            if (c == '\\')
            {
                Escape(value);
                continue;
            }

            value.Append(c);
            Advance();
        }

        Emit(TokenKind.String, _text[begin.._pos], value.ToString(), start);
    }

    private void Escape(StringBuilder value)
    {
        var at = Here();
        Advance();
        if (_pos >= _text.Length)
        {
            throw Error(at, "expected an escape sequence, found end of file");
        }

        var c = _text[_pos];
        Advance();
        switch (c)
        {
            case 'a': value.Append('\a'); break;
            case 'b': value.Append('\b'); break;
            case 'f': value.Append('\f'); break;
            case 'n': value.Append('\n'); break;
            case 'r': value.Append('\r'); break;
            case 't': value.Append('\t'); break;
            case 'v': value.Append('\v'); break;
            case '\\' or '\'' or '"' or '?': value.Append(c); break;
            case 'x' or 'X': value.Append((char)ReadDigits(at, 16, 2, 1)); break;
            case 'u': AppendCodePoint(value, at, ReadDigits(at, 16, 4, 4)); break;
            case 'U': AppendCodePoint(value, at, ReadDigits(at, 16, 8, 8)); break;
            case >= '0' and <= '7':
                _pos--;
                _col--;
                value.Append((char)ReadDigits(at, 8, 3, 1));
                break;
            default:
                throw Error(at, $"expected a valid escape sequence, found '\\{c}'");
        }
    }

    private int ReadDigits(SourcePosition at, int radix, int max, int min)
    {
        var count = 0;
        var result = 0L;
        while (count < max && _pos < _text.Length && Uri.IsHexDigit(_text[_pos])
            && int.Parse(_text[_pos].ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) < radix)
        {
            result = (result * radix) + int.Parse(_text[_pos].ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Advance();
            count++;
        }

        if (count < min)
        {
            throw Error(at, $"expected {min} digit(s) in the escape sequence");
        }

        return result > 0x10FFFF ? throw Error(at, "expected a code point up to U+10FFFF") : (int)result;
    }

    private void AppendCodePoint(StringBuilder value, SourcePosition at, int codePoint)
    {
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            throw Error(at, "expected a code point outside the surrogate range");
        }

        value.Append(char.ConvertFromUtf32(codePoint));
    }
}
