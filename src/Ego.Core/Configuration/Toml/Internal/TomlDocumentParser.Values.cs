namespace Ego.Configuration.Toml.Internal;

internal ref partial struct TomlDocumentParser
{
    private TomlValue ParseValue()
    {
        if (_pos >= _text.Length)
        {
            throw Error(_pos, "expected a value, found end of input");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '"':
                return TomlValue.FromString((_text[_pos..].StartsWith("\"\"\"", StringComparison.Ordinal)
                    ? ScanMultilineBasicString()
                    : ScanBasicString()).ToString());
            case '\'':
                return TomlValue.FromString((_text[_pos..].StartsWith("'''", StringComparison.Ordinal)
                    ? ScanMultilineLiteralString()
                    : ScanLiteralString()).ToString());
            case 't':
                return ParseKeyword("true", TomlValue.FromBoolean(true));
            case 'f':
                return ParseKeyword("false", TomlValue.FromBoolean(false));
            case '[':
                return TomlValue.FromArray(ParseArray());
            case '{':
                return TomlValue.FromTable(ParseInlineTable());
            case 'i' or 'n' or '+' or '-' or (>= '0' and <= '9'):
                return ParseNumberOrDateTime();
            case '\n' or '\r' or '#':
                throw Error(_pos, "expected a value, found end of line");
            default:
                throw Error(_pos, $"expected a value (string, number, boolean, date-time, array or inline table), found {Describe(c)}");
        }
    }

    private TomlValue ParseKeyword(string keyword, TomlValue value)
    {
        var end = _pos;
        while (end < _text.Length && TomlChars.IsBareKeyChar(_text[end]))
        {
            end++;
        }

        if (!_text[_pos..end].SequenceEqual(keyword))
        {
            throw Error(_pos, $"expected a value, found '{_text[_pos..end]}' (booleans are lowercase 'true' or 'false'; strings need quotes)");
        }

        _pos = end;
        return value;
    }

    private TomlArray ParseArray()
    {
        var line = _line;
        var column = ColumnOf(_pos);
        EnterNesting(_pos);
        _pos++;
        var array = new TomlArray();
        while (true)
        {
            SkipBlank();
            if (_pos < _text.Length && _text[_pos] == ']')
            {
                _pos++;
                _depth--;
                return array;
            }

            if (_pos >= _text.Length)
            {
                throw Error(line, column, "unterminated array: expected ']'");
            }

            array.Add(ParseValue());
            SkipBlank();
            if (_pos >= _text.Length)
            {
                throw Error(line, column, "unterminated array: expected ']'");
            }

            var c = _text[_pos];
            if (c == ']')
            {
                _pos++;
                _depth--;
                return array;
            }

            if (c != ',')
            {
                throw Error(_pos, $"expected ',' or ']' after an array item, found {Describe(c)}");
            }

            _pos++;
        }
    }

    private TomlTable ParseInlineTable()
    {
        var line = _line;
        var column = ColumnOf(_pos);
        EnterNesting(_pos);
        _pos++;
        var table = new TomlTable(TomlTableState.Header);
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '}')
        {
            _pos++;
            _depth--;
            Freeze(table);
            return table;
        }

        while (true)
        {
            SkipWhitespace();
            CheckInlineTableContinues(line, column, "a key");
            ParseKeyValue(table);
            SkipWhitespace();
            CheckInlineTableContinues(line, column, "',' or '}'");
            var c = _text[_pos];
            if (c == '}')
            {
                _pos++;
                _depth--;
                Freeze(table);
                return table;
            }

            if (c != ',')
            {
                throw Error(_pos, $"expected ',' or '}}' after an inline table entry, found {Describe(c)}");
            }

            _pos++;
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '}')
            {
                throw Error(_pos, "a trailing comma is not allowed in an inline table");
            }
        }
    }

    private readonly void CheckInlineTableContinues(int line, int column, string expected)
    {
        if (_pos >= _text.Length)
        {
            throw Error(line, column, "unterminated inline table: expected '}'");
        }

        var c = _text[_pos];
        if (c is '\n' or '\r')
        {
            throw Error(_pos, $"expected {expected}: newlines are not allowed inside an inline table");
        }

        if (c == '#')
        {
            throw Error(_pos, $"expected {expected}: comments are not allowed inside an inline table");
        }
    }

    /// <summary>Closes an inline table and the tables its dotted keys created.</summary>
    private static void Freeze(TomlTable table)
    {
        table.State = TomlTableState.Frozen;
        foreach (var entry in table)
        {
            if (entry.Value.Kind == TomlValueKind.Table && entry.Value.GetTable().State != TomlTableState.Frozen)
            {
                Freeze(entry.Value.GetTable());
            }
        }
    }
}
