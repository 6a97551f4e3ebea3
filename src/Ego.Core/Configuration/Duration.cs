using System.Globalization;

namespace Ego.Configuration;

/// <summary>
/// Parses durations written the way EGO and Go write them ("250ms", "1s", "1m30s", "1.5h"),
/// and falls back to .NET's "hh:mm:ss" form so either style works in config files.
/// </summary>
public static class Duration
{
    private const string Expected = "expected a number with a unit (ns, us, ms, s, m, h), e.g. \"250ms\" or \"1m30s\"";

    /// <summary>Parses <paramref name="text"/> or throws a <see cref="FormatException"/> saying what was expected.</summary>
    public static TimeSpan Parse(string text)
    {
        if (TryParse(text, out var value, out var error))
        {
            return value;
        }

        throw new FormatException(error);
    }

    public static bool TryParse(string? text, out TimeSpan value) => TryParse(text, out value, out _);

    private static bool TryParse(string? text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        var span = (text ?? "").AsSpan().Trim();
        error = $"'{text}' is not a duration: {Expected}";
        if (span.IsEmpty)
        {
            return false;
        }

        if (span.Contains(':'))
        {
            return TimeSpan.TryParse(span, CultureInfo.InvariantCulture, out value);
        }

        var negative = span[0] == '-';
        if (span[0] is '-' or '+')
        {
            span = span[1..];
        }

        if (span is "0")
        {
            return true;
        }

        decimal totalTicks = 0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0 || !decimal.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            span = span[numberLength..];
            var unitLength = 0;
            while (unitLength < span.Length && !char.IsAsciiDigit(span[unitLength]) && span[unitLength] != '.')
            {
                unitLength++;
            }

            decimal ticksPerUnit = span[..unitLength] switch
            {
                "ns" => 0.01m,
                "us" or "µs" or "μs" => 10m,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                "d" => TimeSpan.TicksPerDay,
                _ => -1m,
            };
            if (ticksPerUnit < 0)
            {
                return false;
            }

            totalTicks += number * ticksPerUnit;
            if (totalTicks > TimeSpan.MaxValue.Ticks)
            {
                error = $"'{text}' is not a duration: it exceeds {TimeSpan.MaxValue}";
                return false;
            }

            span = span[unitLength..];
        }

        var ticks = (long)decimal.Round(totalTicks);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    /// <summary>Formats a duration the way <see cref="Parse"/> reads it back ("1m30s", "250ms").</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        if (value.Ticks % TimeSpan.TicksPerSecond != 0 || value < TimeSpan.FromSeconds(1) && value > TimeSpan.FromSeconds(-1))
        {
            return value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
        }

        var text = new System.Text.StringBuilder();
        if (value < TimeSpan.Zero)
        {
            text.Append('-');
            value = value.Negate();
        }

        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (value.Minutes > 0)
        {
            text.Append(value.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        if (value.Seconds > 0)
        {
            text.Append(value.Seconds.ToString(CultureInfo.InvariantCulture)).Append('s');
        }

        return text.ToString();
    }
}
