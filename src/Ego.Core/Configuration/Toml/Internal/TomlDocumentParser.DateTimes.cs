using System.Globalization;

namespace Ego.Configuration.Toml.Internal;

internal ref partial struct TomlDocumentParser
{
    // DateTimeOffset cannot hold more; RFC 3339 allows up to 23:59.
    private const int MaxOffsetMinutes = 14 * 60;

    /// <summary>Parses <c>YYYY-MM-DD</c>, optionally followed by a time and an offset.</summary>
    private TomlValue ParseDateOrDateTime()
    {
        var year = ReadField(4, "year", 1, 9999);
        Expect('-', "in a date");
        var month = ReadField(2, "month", 1, 12);
        Expect('-', "in a date");
        var dayPos = _pos;
        var day = ReadField(2, "day", 1, 31);
        if (day > DateTime.DaysInMonth(year, month))
        {
            throw Error(dayPos, $"day {day:00} is out of range for {year:0000}-{month:00} (which has {DateTime.DaysInMonth(year, month)} days)");
        }

        var date = new DateOnly(year, month, day);
        var hasTime = _pos < _text.Length
            && (_text[_pos] is 'T' or 't'
                || (_text[_pos] == ' ' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])));
        if (!hasTime)
        {
            return TomlValue.FromLocalDate(date);
        }

        _pos++;
        var dateTime = date.ToDateTime(new TimeOnly(ParseTime()));
        if (_pos < _text.Length && _text[_pos] is 'Z' or 'z')
        {
            _pos++;
            return TomlValue.FromOffsetDateTime(new DateTimeOffset(dateTime, TimeSpan.Zero));
        }

        if (_pos < _text.Length && _text[_pos] is '+' or '-')
        {
            var offsetPos = _pos;
            var sign = _text[_pos++] == '-' ? -1 : 1;
            var hours = ReadField(2, "offset hour", 0, 23);
            Expect(':', "in an offset");
            var minutes = ReadField(2, "offset minute", 0, 59);
            var total = (hours * 60) + minutes;
            if (total > MaxOffsetMinutes)
            {
                throw Error(offsetPos, $"offset {_text[offsetPos.._pos]} is outside the supported range -14:00 to +14:00");
            }

            return TomlValue.FromOffsetDateTime(new DateTimeOffset(dateTime, TimeSpan.FromMinutes(sign * total)));
        }

        return TomlValue.FromLocalDateTime(dateTime);
    }

    /// <summary>Parses <c>HH:MM:SS[.fraction]</c> into ticks; digits beyond 100 ns are truncated, as TOML requires.</summary>
    private long ParseTime()
    {
        var hour = ReadField(2, "hour", 0, 23);
        Expect(':', "in a time");
        var minute = ReadField(2, "minute", 0, 59);
        Expect(':', "in a time (seconds are required)");
        var secondPos = _pos;
        var second = ReadField(2, "second", 0, 60);
        if (second == 60)
        {
            throw Error(secondPos, "leap second 60 is not supported");
        }

        var ticks = new TimeSpan(hour, minute, second).Ticks;
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            var digits = 0;
            long fraction = 0;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                if (digits < 7)
                {
                    fraction = (fraction * 10) + (_text[_pos] - '0');
                }

                digits++;
                _pos++;
            }

            if (digits == 0)
            {
                throw Error(_pos, "expected digits after '.' in the fractional seconds");
            }

            for (var i = digits; i < 7; i++)
            {
                fraction *= 10;
            }

            ticks += fraction;
        }

        return ticks;
    }

    private int ReadField(int digits, string name, int min, int max)
    {
        var start = _pos;
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            if (_pos >= _text.Length || !char.IsAsciiDigit(_text[_pos]))
            {
                var found = _pos < _text.Length ? Describe(_text[_pos]) : "end of input";
                throw Error(_pos, $"expected a {digits}-digit {name}, found {found}");
            }

            value = (value * 10) + (_text[_pos++] - '0');
        }

        if (value < min || value > max)
        {
            throw Error(start, $"{name} {_text[start.._pos]} is out of range ({min.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}-{max})");
        }

        return value;
    }

    private void Expect(char c, string context)
    {
        if (_pos >= _text.Length || _text[_pos] != c)
        {
            var found = _pos < _text.Length ? Describe(_text[_pos]) : "end of input";
            throw Error(_pos, $"expected '{c}' {context}, found {found}");
        }

        _pos++;
    }
}
