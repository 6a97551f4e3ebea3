namespace Ego.Logging.Internal;

/// <summary>Parses <see cref="TimeType"/> names.</summary>
internal static class TimeTypes
{
    public const string Expected = "second, millisecond, %S.%f, %Y-%m-%d %H:%M:%S";

    public static bool TryParse(string? text, out TimeType type)
    {
        (var ok, type) = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "second" => (true, TimeType.Second),
            "millisecond" => (true, TimeType.Millisecond),
            "%s.%f" => (true, TimeType.FractionalSecond),
            "%y-%m-%d %h:%m:%s" => (true, TimeType.DateTime),
            _ => (false, TimeType.Second),
        };
        return ok;
    }
}
