using System.Text;

namespace Ego.Governor.Metrics.Internal;

/// <summary>Derives valid Prometheus metric and label names from instrument names, units and tag names.</summary>
internal static class PrometheusNaming
{
    private const string TotalSuffix = "_total";

    /// <summary>The family name of an instrument: sanitized name, unit suffix, and <c>_total</c> for counters (never doubled).</summary>
    public static string MetricName(string name, string? unit, MetricType type)
    {
        var result = SanitizeMetricName(name);
        if (type == MetricType.Counter && result.Length > TotalSuffix.Length && result.EndsWith(TotalSuffix, StringComparison.Ordinal))
        {
            result = result[..^TotalSuffix.Length];
        }

        var suffix = PrometheusUnits.Suffix(unit, type);
        if (suffix.Length > 0 && result != suffix && !result.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            result = result + "_" + suffix;
        }

        return type == MetricType.Counter ? result + TotalSuffix : result;
    }

    /// <summary>Replaces characters outside <c>[a-zA-Z0-9_:]</c> with <c>_</c>, collapses runs of <c>_</c>, and prefixes a leading digit.</summary>
    public static string SanitizeMetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>As <see cref="SanitizeMetricName"/> without colons; the collapsing also keeps names off the reserved <c>__</c> prefix.</summary>
    public static string SanitizeLabelName(string name) => Sanitize(name, allowColon: false);

    private static string Sanitize(string name, bool allowColon)
    {
        if (IsValid(name, allowColon))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 1);
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            builder.Append('_');
        }

        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            var next = valid ? c : '_';
            if (next == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }

            builder.Append(next);
        }

        return builder.ToString();
    }

    private static bool IsValid(string name, bool allowColon)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        var previousUnderscore = false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':')))
            {
                return false;
            }

            if (c == '_' && previousUnderscore)
            {
                return false;
            }

            previousUnderscore = c == '_';
        }

        return true;
    }
}
