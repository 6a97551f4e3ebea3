using System.Globalization;

namespace Ego.Logging.Internal;

/// <summary>Parses sizes such as <c>500</c> (megabytes, as EGO's maxSize), <c>64KB</c>, <c>1GB</c> or <c>300B</c>.</summary>
internal static class ByteSize
{
    public static bool TryParse(string? text, long unitlessMultiplier, out long bytes)
    {
        bytes = 0;
        var s = (text ?? "").Trim();
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        if (digits == 0 || !long.TryParse(s.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        long multiplier = s[digits..].Trim().ToUpperInvariant() switch
        {
            "" => unitlessMultiplier,
            "B" => 1,
            "K" or "KB" => 1L << 10,
            "M" or "MB" => 1L << 20,
            "G" or "GB" => 1L << 30,
            _ => 0,
        };
        if (multiplier == 0 || n > long.MaxValue / multiplier)
        {
            return false;
        }

        bytes = n * multiplier;
        return true;
    }
}
