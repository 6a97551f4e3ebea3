using System.Globalization;

namespace Ego.Logging.Internal;

/// <summary>
/// Parses durations written Go style (<c>5s</c>, <c>1m30s</c>, <c>250ms</c>) as in EGO config files,
/// or as .NET <see cref="TimeSpan"/> text (<c>00:00:05</c>).
/// </summary>
internal static class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var s = (text ?? "").Trim();
        if (s.Length == 0)
        {
            return false;
        }

        if (s.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
        }

        if (s == "0")
        {
            return true;
        }

        var total = 0d;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }

            if (start == unitStart || !double.TryParse(s.AsSpan(start, unitStart - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            double ms = s[unitStart..i] switch
            {
                "ns" => 1e-6, "us" => 1e-3, "ms" => 1, "s" => 1e3, "m" => 60e3, "h" => 3600e3,
                _ => double.NaN,
            };
            if (double.IsNaN(ms))
            {
                return false;
            }

            total += n * ms;
        }

        value = TimeSpan.FromMilliseconds(total);
        return true;
    }
}
