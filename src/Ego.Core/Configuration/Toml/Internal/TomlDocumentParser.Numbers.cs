using System.Globalization;

namespace Ego.Configuration.Toml.Internal;

internal ref partial struct TomlDocumentParser
{
    private TomlValue ParseNumberOrDateTime()
    {
        var start = _pos;
        var digits = 0;
        while (start + digits < _text.Length && char.IsAsciiDigit(_text[start + digits]))
        {
            digits++;
        }

        var next = start + digits < _text.Length ? _text[start + digits] : '\0';
        if (digits == 4 && next == '-')
        {
            return ParseDateOrDateTime();
        }

        if (digits == 2 && next == ':')
        {
            return TomlValue.FromLocalTime(new TimeOnly(ParseTime()));
        }

        var end = start;
        while (end < _text.Length)
        {
            var c = _text[end];
            var signInExponent = c is '+' or '-' && (end == start || _text[end - 1] is 'e' or 'E');
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.') && !signInExponent)
            {
                break;
            }

            end++;
        }

        _pos = end;
        return ParseNumber(start, _text[start..end]);
    }

    private readonly TomlValue ParseNumber(int start, ReadOnlySpan<char> token)
    {
        var signed = token[0] is '+' or '-';
        var negative = token[0] == '-';
        var body = signed ? token[1..] : token;
        if (body.SequenceEqual("inf"))
        {
            return TomlValue.FromFloat(negative ? double.NegativeInfinity : double.PositiveInfinity);
        }

        if (body.SequenceEqual("nan"))
        {
            return TomlValue.FromFloat(double.NaN);
        }

        if (body.Length > 1 && body[0] == '0' && body[1] is 'x' or 'o' or 'b')
        {
            if (signed)
            {
                throw Error(start, $"a sign is not allowed on hexadecimal, octal or binary integers: '{token}'");
            }

            return TomlValue.FromInteger(ParseRadixInteger(start, token));
        }

        Span<char> buffer = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        var length = 0;
        if (negative)
        {
            buffer[length++] = '-';
        }

        var bodyStart = start + (signed ? 1 : 0);
        var i = 0;
        var intDigits = ReadDigits(body, ref i, bodyStart, buffer, ref length, token, "the integer part");
        if (intDigits > 1 && body[0] == '0')
        {
            throw Error(bodyStart, $"leading zeros are not allowed in '{token}'");
        }

        var isFloat = false;
        if (i < body.Length && body[i] == '.')
        {
            isFloat = true;
            buffer[length++] = body[i++];
            ReadDigits(body, ref i, bodyStart, buffer, ref length, token, "the fraction");
        }

        if (i < body.Length && body[i] is 'e' or 'E')
        {
            isFloat = true;
            buffer[length++] = body[i++];
            if (i < body.Length && body[i] is '+' or '-')
            {
                buffer[length++] = body[i++];
            }

            ReadDigits(body, ref i, bodyStart, buffer, ref length, token, "the exponent");
        }

        if (i < body.Length)
        {
            throw Error(bodyStart + i, $"unexpected {Describe(body[i])} in number '{token}'");
        }

        var text = buffer[..length];
        if (isFloat)
        {
            return TomlValue.FromFloat(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? TomlValue.FromInteger(value)
            : throw Error(start, $"integer '{token}' is out of range for a 64-bit signed integer");
    }

    /// <summary>Copies digits to <paramref name="buffer"/>, allowing single underscores between digits only.</summary>
    private readonly int ReadDigits(ReadOnlySpan<char> body, ref int i, int bodyStart, Span<char> buffer, ref int length, ReadOnlySpan<char> token, string part)
    {
        var count = 0;
        var afterUnderscore = false;
        for (; i < body.Length; i++)
        {
            var c = body[i];
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                count++;
                afterUnderscore = false;
            }
            else if (c == '_')
            {
                if (count == 0 || afterUnderscore)
                {
                    throw Error(bodyStart + i, $"'_' must be between digits in '{token}'");
                }

                afterUnderscore = true;
            }
            else
            {
                break;
            }
        }

        if (afterUnderscore)
        {
            throw Error(bodyStart + i - 1, $"'_' must be between digits in '{token}'");
        }

        if (count == 0)
        {
            var found = i < body.Length ? Describe(body[i]) : "the end of the number";
            throw Error(bodyStart + i, $"expected a digit in {part} of '{token}', found {found}");
        }

        return count;
    }

    private readonly long ParseRadixInteger(int start, ReadOnlySpan<char> token)
    {
        var (radix, name) = token[1] switch
        {
            'x' => (16, "hexadecimal"),
            'o' => (8, "octal"),
            _ => (2, "binary"),
        };
        ulong value = 0;
        var count = 0;
        var afterUnderscore = false;
        for (var i = 2; i < token.Length; i++)
        {
            var c = token[i];
            if (c == '_')
            {
                if (count == 0 || afterUnderscore)
                {
                    throw Error(start + i, $"'_' must be between digits in '{token}'");
                }

                afterUnderscore = true;
                continue;
            }

            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? (c | 0x20) - 'a' + 10 : int.MaxValue;
            if (digit >= radix)
            {
                throw Error(start + i, $"invalid {name} digit {Describe(c)} in '{token}'");
            }

            if (value > ((ulong)long.MaxValue - (ulong)digit) / (ulong)radix)
            {
                throw Error(start, $"integer '{token}' is out of range for a 64-bit signed integer");
            }

            value = (value * (ulong)radix) + (ulong)digit;

            count++;
            afterUnderscore = false;
        }

        if (count == 0 || afterUnderscore)
        {
            throw Error(start + token.Length - (afterUnderscore ? 1 : 0), count == 0
                ? $"expected {name} digits after '{token[..2]}'"
                : $"'_' must be between digits in '{token}'");
        }

        return (long)value;
    }
}
