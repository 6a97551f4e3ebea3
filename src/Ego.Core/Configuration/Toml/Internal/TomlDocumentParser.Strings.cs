using System.Globalization;
using System.Text;

namespace Ego.Configuration.Toml.Internal;

internal ref partial struct TomlDocumentParser
{
    /// <summary>Reads <c>"..."</c>; returns a slice of the input unless escapes had to be decoded.</summary>
    private ReadOnlySpan<char> ScanBasicString()
    {
        var open = _pos;
        var start = ++_pos;
        var decoding = false;
        while (true)
        {
            var stop = _text[_pos..].IndexOfAny(TomlChars.BasicStop);
            if (stop < 0)
            {
                throw Error(open, "unterminated string: expected closing '\"'");
            }

            if (decoding)
            {
                ScratchAppend(_text.Slice(_pos, stop));
            }

            _pos += stop;
            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return decoding ? ScratchSpan : _text[start..(_pos - 1)];
            }

            if (c != '\\')
            {
                throw c is '\n' or '\r'
                    ? Error(open, "unterminated string: expected closing '\"' before the end of the line (use \"\"\" for multi-line strings)")
                    : Error(_pos, $"control character {Describe(c)} must be escaped in a string");
            }

            if (!decoding)
            {
                decoding = true;
                ScratchReset();
                ScratchAppend(_text[start.._pos]);
            }

            ReadEscape();
        }
    }

    /// <summary>Reads <c>"""..."""</c> into the scratch buffer, normalizing CRLF to LF.</summary>
    private ReadOnlySpan<char> ScanMultilineBasicString()
    {
        var openLine = _line;
        var openColumn = ColumnOf(_pos);
        _pos += 3;
        SkipFirstNewline();
        ScratchReset();
        while (true)
        {
            var stop = _text[_pos..].IndexOfAny(TomlChars.BasicStop);
            if (stop < 0)
            {
                throw Error(openLine, openColumn, "unterminated multi-line string: expected closing '\"\"\"'");
            }

            ScratchAppend(_text.Slice(_pos, stop));
            _pos += stop;
            var c = _text[_pos];
            if (c == '"')
            {
                if (ClosesMultiline('"'))
                {
                    return ScratchSpan;
                }
            }
            else if (c == '\\')
            {
                if (!TrimLineEndingBackslash())
                {
                    ReadEscape();
                }
            }
            else
            {
                AppendMultilineNewline(c);
            }
        }
    }

    private ReadOnlySpan<char> ScanLiteralString()
    {
        var open = _pos;
        var start = ++_pos;
        var stop = _text[_pos..].IndexOfAny(TomlChars.LiteralStop);
        if (stop < 0)
        {
            throw Error(open, "unterminated literal string: expected closing \"'\"");
        }

        _pos += stop;
        var c = _text[_pos];
        if (c != '\'')
        {
            throw c is '\n' or '\r'
                ? Error(open, "unterminated literal string: expected closing \"'\" before the end of the line (use ''' for multi-line strings)")
                : Error(_pos, $"control character {Describe(c)} is not allowed in a literal string");
        }

        _pos++;
        return _text[start..(_pos - 1)];
    }

    private ReadOnlySpan<char> ScanMultilineLiteralString()
    {
        var openLine = _line;
        var openColumn = ColumnOf(_pos);
        _pos += 3;
        SkipFirstNewline();
        ScratchReset();
        while (true)
        {
            var stop = _text[_pos..].IndexOfAny(TomlChars.LiteralStop);
            if (stop < 0)
            {
                throw Error(openLine, openColumn, "unterminated multi-line literal string: expected closing \"'''\"");
            }

            ScratchAppend(_text.Slice(_pos, stop));
            _pos += stop;
            var c = _text[_pos];
            if (c == '\'')
            {
                if (ClosesMultiline('\''))
                {
                    return ScratchSpan;
                }
            }
            else
            {
                AppendMultilineNewline(c);
            }
        }
    }

    private void SkipFirstNewline()
    {
        if (_pos < _text.Length && _text[_pos] is '\n' or '\r')
        {
            ConsumeNewline();
        }
    }

    /// <summary>
    /// At a run of quotes: fewer than three are content; three to five close the string, the extra one or two
    /// being content.
    /// </summary>
    private bool ClosesMultiline(char quote)
    {
        var run = 0;
        while (_pos + run < _text.Length && _text[_pos + run] == quote)
        {
            run++;
        }

        if (run > 5)
        {
            throw Error(_pos + 5, $"too many {quote} characters: at most two may directly precede the closing {quote}{quote}{quote}");
        }

        for (var i = run < 3 ? run : run - 3; i > 0; i--)
        {
            ScratchAppend(quote);
        }

        _pos += run;
        return run >= 3;
    }

    private void AppendMultilineNewline(char c)
    {
        if (c is not ('\n' or '\r'))
        {
            throw Error(_pos, $"control character {Describe(c)} must be escaped in a string");
        }

        ConsumeNewline();
        ScratchAppend('\n');
    }

    /// <summary>A backslash followed by optional whitespace and a newline joins the lines, trimming all blanks.</summary>
    private bool TrimLineEndingBackslash()
    {
        var i = _pos + 1;
        while (i < _text.Length && _text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i >= _text.Length || _text[i] is not ('\n' or '\r'))
        {
            return false;
        }

        _pos = i;
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            if (_text[_pos] is ' ' or '\t')
            {
                _pos++;
            }
            else
            {
                ConsumeNewline();
            }
        }

        return true;
    }

    private void ReadEscape()
    {
        var escape = _pos;
        if (_pos + 1 >= _text.Length)
        {
            throw Error(escape, "unterminated escape sequence at end of input");
        }

        var c = _text[_pos + 1];
        _pos += 2;
        switch (c)
        {
            case 'b': ScratchAppend('\b'); return;
            case 't': ScratchAppend('\t'); return;
            case 'n': ScratchAppend('\n'); return;
            case 'f': ScratchAppend('\f'); return;
            case 'r': ScratchAppend('\r'); return;
            case '"': ScratchAppend('"'); return;
            case '\\': ScratchAppend('\\'); return;
            case 'u': ReadUnicodeEscape(escape, 4); return;
            case 'U': ReadUnicodeEscape(escape, 8); return;
            default:
                throw Error(escape, $"invalid escape sequence '\\{(TomlChars.IsControl(c) ? Describe(c) : c)}': expected \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX");
        }
    }

    private void ReadUnicodeEscape(int escape, int digits)
    {
        var hex = _text[_pos..Math.Min(_pos + digits, _text.Length)];
        if (hex.Length < digits || hex.ContainsAnyExcept(TomlChars.HexDigits)
            || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw Error(escape, $"escape sequence '\\{_text[escape + 1]}' needs exactly {digits} hexadecimal digits");
        }

        if (!Rune.IsValid(code))
        {
            throw Error(escape, $"escape sequence '\\{_text[escape + 1]}{hex}' is not a Unicode scalar value (surrogates and values above 10FFFF are not allowed)");
        }

        Span<char> utf16 = stackalloc char[2];
        ScratchAppend(utf16[..new Rune(code).EncodeToUtf16(utf16)]);
        _pos += digits;
    }
}
