using System.Globalization;

namespace Ego.Grpc.Internal;

/// <summary>Reads and writes <c>grpc-timeout</c>: at most 8 digits and a unit (H, M, S, m, u, n).</summary>
internal static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? text, out TimeSpan timeout)
    {
        timeout = default;
        if (text is null || text.Length < 2 || text.Length > 9)
        {
            return false;
        }

        long value = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        long ticks;
        switch (text[^1])
        {
            case 'H': ticks = Math.Min(value * TimeSpan.TicksPerHour, TimeSpan.MaxValue.Ticks); break;
            case 'M': ticks = value * TimeSpan.TicksPerMinute; break;
            case 'S': ticks = value * TimeSpan.TicksPerSecond; break;
            case 'm': ticks = value * TimeSpan.TicksPerMillisecond; break;
            case 'u': ticks = value * 10; break;
            case 'n': ticks = value / 100; break;
            default: return false;
        }

        timeout = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Formats with the finest unit that fits in 8 digits, rounding up.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(timeout.Ticks, 0);
        if (ticks <= MaxValue / 100)
        {
            return (ticks * 100).ToString(CultureInfo.InvariantCulture) + "n";
        }

        return Scale(ticks, 10, 'u') ?? Scale(ticks, TimeSpan.TicksPerMillisecond, 'm') ?? Scale(ticks, TimeSpan.TicksPerSecond, 'S')
            ?? Scale(ticks, TimeSpan.TicksPerMinute, 'M') ?? Scale(ticks, TimeSpan.TicksPerHour, 'H') ?? MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }

    private static string? Scale(long ticks, long ticksPerUnit, char unit)
    {
        var value = (ticks + ticksPerUnit - 1) / ticksPerUnit;
        return value <= MaxValue ? value.ToString(CultureInfo.InvariantCulture) + unit : null;
    }
}
