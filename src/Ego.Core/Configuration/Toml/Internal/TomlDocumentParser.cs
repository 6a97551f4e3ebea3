using System.Buffers;

namespace Ego.Configuration.Toml.Internal;

/// <summary>
/// Single-pass TOML 1.0 parser over a span. Tokens are read as slices of the input; only keys and string
/// values are materialized, and escapes are decoded into one pooled scratch buffer.
/// </summary>
internal ref partial struct TomlDocumentParser
{
    private const int MaxDepth = 128;
    private const int KeyCacheSize = 128;
    private const int MaxInternedKeyLength = 32;

    private readonly ReadOnlySpan<char> _text;
    private readonly string? _source;
    private readonly TomlTable _root;
    private TomlTable _current;
    private int _pos;
    private int _line;
    private int _lineStart;
    private char[]? _scratch;
    private int _scratchLength;
    private int _depth;
    private string?[]? _keys;

    private TomlDocumentParser(ReadOnlySpan<char> text, string? source)
    {
        _text = text;
        _source = source;
        _root = new TomlTable(TomlTableState.Header);
        _current = _root;
        _line = 1;
    }

    public static TomlTable Parse(ReadOnlySpan<char> text, string? source)
    {
        var parser = new TomlDocumentParser(text, source);
        try
        {
            parser.ParseDocument();
            return parser._root;
        }
        finally
        {
            if (parser._scratch is not null)
            {
                ArrayPool<char>.Shared.Return(parser._scratch);
            }
        }
    }

    private void ParseDocument()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = _lineStart = 1;
        }

        while (true)
        {
            SkipWhitespace();
            var what = "the comment";
            if (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == '[')
                {
                    ParseHeader();
                    what = "the table header";
                }
                else if (c is not ('#' or '\n' or '\r'))
                {
                    ParseKeyValue(_current);
                    what = "the value";
                }
            }

            if (!EndLine(what))
            {
                return;
            }
        }
    }

    /// <summary>Consumes trailing whitespace, an optional comment and one newline; false at end of input.</summary>
    private bool EndLine(string what)
    {
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '#')
        {
            SkipComment();
        }

        if (_pos >= _text.Length)
        {
            return false;
        }

        var c = _text[_pos];
        if (c == '\n' || c == '\r')
        {
            ConsumeNewline();
            return true;
        }

        throw Error(_pos, $"expected a newline or comment after {what}, found {Describe(c)}");
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t')
        {
            _pos++;
        }
    }

    /// <summary>Skips whitespace, comments and newlines, as allowed between array items.</summary>
    private void SkipBlank()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is ' ' or '\t')
            {
                _pos++;
            }
            else if (c == '#')
            {
                SkipComment();
            }
            else if (c is '\n' or '\r')
            {
                ConsumeNewline();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipComment()
    {
        _pos++;
        var rest = _text[_pos..];
        var stop = rest.IndexOfAny(TomlChars.CommentStop);
        if (stop < 0)
        {
            _pos = _text.Length;
            return;
        }

        _pos += stop;
        var c = _text[_pos];
        if (c is not ('\n' or '\r'))
        {
            throw Error(_pos, $"control character {Describe(c)} is not allowed in a comment");
        }
    }

    /// <summary>Consumes LF or CRLF at the current position; a CR on its own is an error.</summary>
    private void ConsumeNewline()
    {
        if (_text[_pos] == '\r')
        {
            if (_pos + 1 >= _text.Length || _text[_pos + 1] != '\n')
            {
                throw Error(_pos, "bare carriage return: expected '\\n' after '\\r'");
            }

            _pos++;
        }

        _pos++;
        _line++;
        _lineStart = _pos;
    }

    /// <summary>
    /// Bounds nesting of arrays, inline tables and dotted keys so that a hostile document cannot exhaust the stack
    /// here or in code that walks the result recursively.
    /// </summary>
    private void EnterNesting(int pos)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(pos, $"nesting is deeper than {MaxDepth} levels of arrays, inline tables and dotted keys");
        }
    }

    private readonly int ColumnOf(int pos) => pos - _lineStart + 1;

    private readonly TomlParseException Error(int pos, string reason) =>
        new(reason, _line, ColumnOf(pos), _source);

    private readonly TomlParseException Error(int line, int column, string reason) =>
        new(reason, line, column, _source);

    private static string Describe(char c) => c switch
    {
        '\n' => "end of line",
        '\r' => "'\\r'",
        < ' ' or '\u007F' => $"U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    private void ScratchReset() => _scratchLength = 0;

    private void ScratchAppend(char c)
    {
        if (_scratch is null || _scratchLength == _scratch.Length)
        {
            GrowScratch(1);
        }

        _scratch![_scratchLength++] = c;
    }

    private void ScratchAppend(scoped ReadOnlySpan<char> chars)
    {
        if (_scratch is null || _scratchLength + chars.Length > _scratch.Length)
        {
            GrowScratch(chars.Length);
        }

        chars.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += chars.Length;
    }

    private readonly ReadOnlySpan<char> ScratchSpan => _scratch.AsSpan(0, _scratchLength);

    private void GrowScratch(int extra)
    {
        var next = ArrayPool<char>.Shared.Rent(Math.Max(256, (_scratchLength + extra) * 2));
        if (_scratch is not null)
        {
            _scratch.AsSpan(0, _scratchLength).CopyTo(next);
            ArrayPool<char>.Shared.Return(_scratch);
        }

        _scratch = next;
    }
}
