using System.Text;

namespace Ego.Governor.Metrics.Internal;

/// <summary>Maps UCUM units of instruments to Prometheus name suffixes, following the OpenTelemetry to Prometheus conventions.</summary>
internal static class PrometheusUnits
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds",
        ["ms"] = "milliseconds", ["us"] = "microseconds", ["ns"] = "nanoseconds",
        ["By"] = "bytes", ["KiBy"] = "kibibytes", ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes", ["TiBy"] = "tibibytes",
        ["KBy"] = "kilobytes", ["MBy"] = "megabytes", ["GBy"] = "gigabytes", ["TBy"] = "terabytes",
        ["bit"] = "bits", ["m"] = "meters", ["V"] = "volts", ["A"] = "amperes", ["J"] = "joules", ["W"] = "watts",
        ["g"] = "grams", ["Cel"] = "celsius", ["Hz"] = "hertz", ["%"] = "percent",
    };

    // The denominator of a rate reads in the singular: "m/s" is meters_per_second.
    private static readonly Dictionary<string, string> PerUnits = new(StringComparer.Ordinal)
    {
        ["s"] = "second", ["m"] = "minute", ["min"] = "minute", ["h"] = "hour", ["d"] = "day",
        ["w"] = "week", ["mo"] = "month", ["y"] = "year",
    };

    /// <summary>The suffix for <paramref name="unit"/>, without the leading underscore; empty when the unit adds none.</summary>
    public static string Suffix(string? unit, MetricType type)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return "";
        }

        var bare = RemoveAnnotations(unit).Trim();
        if (bare.Length == 0)
        {
            return "";
        }

        // A dimensionless "1" only says something on a gauge, where it means a fraction.
        if (bare == "1")
        {
            return type == MetricType.Gauge ? "ratio" : "";
        }

        var slash = bare.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Clean(Units.GetValueOrDefault(bare, bare));
        }

        var numerator = bare[..slash].Trim();
        var denominator = bare[(slash + 1)..].Trim();
        var top = numerator.Length == 0 || numerator == "1" ? "" : Clean(Units.GetValueOrDefault(numerator, numerator));
        var bottom = denominator.Length == 0 ? "" : Clean(PerUnits.GetValueOrDefault(denominator, denominator));
        return (top, bottom) switch
        {
            (_, "") => top,
            ("", _) => "per_" + bottom,
            _ => top + "_per_" + bottom,
        };
    }

    private static string RemoveAnnotations(string unit)
    {
        if (!unit.Contains('{', StringComparison.Ordinal))
        {
            return unit;
        }

        var result = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static string Clean(string suffix) => PrometheusNaming.SanitizeMetricName(suffix).Trim('_');
}
