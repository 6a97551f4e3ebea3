namespace Ego.Configuration.Toml.Internal;

internal ref partial struct TomlDocumentParser
{
    /// <summary>Parses <c>key = value</c> into <paramref name="table"/>, walking dotted keys as it goes.</summary>
    private void ParseKeyValue(TomlTable table)
    {
        var keyStart = _pos;
        var depth = _depth;
        while (true)
        {
            var line = _line;
            var column = ColumnOf(_pos);
            var part = ParseKeyPart();
            var partEnd = _pos;
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '.')
            {
                EnterNesting(_pos);
                _pos++;
                SkipWhitespace();
                table = DescendDotted(table, part, line, column, keyStart, partEnd);
                continue;
            }

            if (_pos >= _text.Length || _text[_pos] != '=')
            {
                var found = _pos < _text.Length ? Describe(_text[_pos]) : "end of input";
                throw Error(_pos, $"expected '=' after key '{Raw(keyStart, partEnd)}', found {found}");
            }

            var existing = table.IndexOf(part);
            if (existing >= 0)
            {
                ref readonly var first = ref table.EntryAt(existing);
                throw Error(line, column,
                    $"duplicate key '{Raw(keyStart, partEnd)}' (first defined at {first.Line}:{first.Column})");
            }

            var key = InternKey(part);
            _pos++;
            SkipWhitespace();
            table.Append(key, ParseValue(), line, column);
            _depth = depth;
            return;
        }
    }

    /// <summary>Parses <c>[a.b]</c> or <c>[[a.b]]</c> and makes the named table current.</summary>
    private void ParseHeader()
    {
        var headerLine = _line;
        var headerColumn = ColumnOf(_pos);
        var isArray = _pos + 1 < _text.Length && _text[_pos + 1] == '[';
        _pos += isArray ? 2 : 1;
        SkipWhitespace();
        var keyStart = _pos;
        var table = _root;
        _depth = 0;
        while (true)
        {
            var line = _line;
            var column = ColumnOf(_pos);
            var part = ParseKeyPart();
            var partEnd = _pos;
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '.')
            {
                EnterNesting(_pos);
                _pos++;
                SkipWhitespace();
                table = DescendHeader(table, part, line, column, keyStart, partEnd);
                continue;
            }

            var close = isArray ? "]]" : "]";
            if (!_text[_pos..].StartsWith(close, StringComparison.Ordinal))
            {
                var found = _pos < _text.Length ? Describe(_text[_pos]) : "end of input";
                throw Error(_pos, $"expected '{close}' to close the table header opened at {headerLine}:{headerColumn}, found {found}");
            }

            _current = isArray
                ? AppendTableArrayItem(table, part, line, column, keyStart, partEnd)
                : DefineTable(table, part, line, column, keyStart, partEnd);
            _pos += close.Length;
            _depth = 0;
            return;
        }
    }

    private ReadOnlySpan<char> ParseKeyPart()
    {
        if (_pos >= _text.Length)
        {
            throw Error(_pos, "expected a key, found end of input");
        }

        var c = _text[_pos];
        if (c == '"' || c == '\'')
        {
            if (_text[_pos..].StartsWith(c == '"' ? "\"\"\"" : "'''", StringComparison.Ordinal))
            {
                throw Error(_pos, "a multi-line string cannot be used as a key");
            }

            return c == '"' ? ScanBasicString() : ScanLiteralString();
        }

        var start = _pos;
        while (_pos < _text.Length && TomlChars.IsBareKeyChar(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error(_pos, $"expected a key (letters, digits, '_', '-' or a quoted string), found {Describe(c)}");
        }

        return _text[start.._pos];
    }

    private TomlTable DescendDotted(TomlTable table, ReadOnlySpan<char> part, int line, int column, int keyStart, int partEnd)
    {
        var i = table.IndexOf(part);
        if (i < 0)
        {
            var created = new TomlTable(TomlTableState.Dotted);
            table.Append(InternKey(part), TomlValue.FromTable(created), line, column);
            return created;
        }

        ref readonly var entry = ref table.EntryAt(i);
        if (entry.Value.Kind != TomlValueKind.Table)
        {
            throw Error(line, column, $"cannot add keys to '{Raw(keyStart, partEnd)}': it is {Article(entry.Value.Kind)} defined at {entry.Line}:{entry.Column}, not a table");
        }

        var child = entry.Value.GetTable();
        switch (child.State)
        {
            case TomlTableState.Frozen:
                throw Error(line, column, $"cannot add keys to inline table '{Raw(keyStart, partEnd)}' defined at {entry.Line}:{entry.Column}: inline tables are complete once written");
            case TomlTableState.Header:
                throw Error(line, column, $"cannot add keys to table '{Raw(keyStart, partEnd)}' with dotted keys: it is defined by a table header at {entry.Line}:{entry.Column}");
            case TomlTableState.Implicit:
                child.State = TomlTableState.Dotted;
                break;
        }

        return child;
    }

    private TomlTable DescendHeader(TomlTable table, ReadOnlySpan<char> part, int line, int column, int keyStart, int partEnd)
    {
        var i = table.IndexOf(part);
        if (i < 0)
        {
            var created = new TomlTable(TomlTableState.Implicit);
            table.Append(InternKey(part), TomlValue.FromTable(created), line, column);
            return created;
        }

        ref readonly var entry = ref table.EntryAt(i);
        switch (entry.Value.Kind)
        {
            case TomlValueKind.Table when entry.Value.GetTable().State == TomlTableState.Frozen:
                throw Error(line, column, $"cannot add to inline table '{Raw(keyStart, partEnd)}' defined at {entry.Line}:{entry.Column}: inline tables are complete once written");
            case TomlValueKind.Table:
                return entry.Value.GetTable();
            case TomlValueKind.Array when entry.Value.GetArray().IsTableArray:
                var items = entry.Value.GetArray();
                return items[items.Count - 1].GetTable();
            case TomlValueKind.Array:
                throw Error(line, column, $"cannot add to '{Raw(keyStart, partEnd)}': it is a static array defined at {entry.Line}:{entry.Column}, not a table");
            default:
                throw Error(line, column, $"cannot add to '{Raw(keyStart, partEnd)}': it is {Article(entry.Value.Kind)} defined at {entry.Line}:{entry.Column}, not a table");
        }
    }

    private TomlTable DefineTable(TomlTable table, ReadOnlySpan<char> part, int line, int column, int keyStart, int keyEnd)
    {
        var i = table.IndexOf(part);
        if (i < 0)
        {
            var created = new TomlTable(TomlTableState.Header);
            table.Append(InternKey(part), TomlValue.FromTable(created), line, column);
            return created;
        }

        ref readonly var entry = ref table.EntryAt(i);
        if (entry.Value.Kind == TomlValueKind.Table && entry.Value.GetTable().State == TomlTableState.Implicit)
        {
            entry.Value.GetTable().State = TomlTableState.Header;
            return entry.Value.GetTable();
        }

        var name = Raw(keyStart, keyEnd);
        var at = $"{entry.Line}:{entry.Column}";
        if (entry.Value.Kind == TomlValueKind.Table)
        {
            switch (entry.Value.GetTable().State)
            {
                case TomlTableState.Header:
                    throw Error(line, column, $"table [{name}] is already defined at {at}");
                case TomlTableState.Dotted:
                    throw Error(line, column, $"table [{name}] is already defined by dotted keys at {at}");
                default:
                    throw Error(line, column, $"table [{name}] is already defined as an inline table at {at}");
            }
        }

        throw entry.Value.Kind == TomlValueKind.Array && entry.Value.GetArray().IsTableArray
            ? Error(line, column, $"table [{name}] is already defined as an array of tables at {at}; use [[{name}]] to add an item")
            : Error(line, column, $"table [{name}] conflicts with key '{name}' defined as {Article(entry.Value.Kind)} at {at}");
    }

    private TomlTable AppendTableArrayItem(TomlTable table, ReadOnlySpan<char> part, int line, int column, int keyStart, int keyEnd)
    {
        var i = table.IndexOf(part);
        var item = new TomlTable(TomlTableState.Header);
        if (i < 0)
        {
            var created = new TomlArray(isTableArray: true);
            created.Add(TomlValue.FromTable(item));
            table.Append(InternKey(part), TomlValue.FromArray(created), line, column);
            return item;
        }

        ref readonly var entry = ref table.EntryAt(i);
        if (entry.Value.Kind == TomlValueKind.Array && entry.Value.GetArray().IsTableArray)
        {
            entry.Value.GetArray().Add(TomlValue.FromTable(item));
            return item;
        }

        var name = Raw(keyStart, keyEnd);
        var at = $"{entry.Line}:{entry.Column}";
        throw entry.Value.Kind == TomlValueKind.Array
            ? Error(line, column, $"cannot append to static array '{name}' defined at {at} with [[{name}]]")
            : Error(line, column, $"array of tables [[{name}]] conflicts with '{name}' defined as {Article(entry.Value.Kind)} at {at}");
    }

    /// <summary>
    /// Materializes a key, reusing the string of an earlier equal key: arrays of tables repeat the same keys in
    /// every item, so a small direct-mapped cache saves most key allocations.
    /// </summary>
    private string InternKey(ReadOnlySpan<char> key)
    {
        if (key.Length > MaxInternedKeyLength)
        {
            return key.ToString();
        }

        var hash = (uint)key.Length;
        foreach (var c in key)
        {
            hash = (hash * 31) + c;
        }

        _keys ??= new string?[KeyCacheSize];
        ref var slot = ref _keys[hash & (KeyCacheSize - 1)];
        if (slot is not null && key.SequenceEqual(slot))
        {
            return slot;
        }

        return slot = key.ToString();
    }

    /// <summary>The key as written in the source, for messages.</summary>
    private readonly string Raw(int start, int end) => _text[start..end].ToString();

    private static string Article(TomlValueKind kind) => kind switch
    {
        TomlValueKind.String => "a string",
        TomlValueKind.Integer => "an integer",
        TomlValueKind.Float => "a float",
        TomlValueKind.Boolean => "a boolean",
        TomlValueKind.OffsetDateTime => "an offset date-time",
        TomlValueKind.LocalDateTime => "a local date-time",
        TomlValueKind.LocalDate => "a local date",
        TomlValueKind.LocalTime => "a local time",
        TomlValueKind.Array => "an array",
        _ => "a table",
    };
}
