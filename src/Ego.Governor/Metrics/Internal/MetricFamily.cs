namespace Ego.Governor.Metrics.Internal;

/// <summary>The instruments exposed under one Prometheus name; they all share the first one's type.</summary>
internal sealed record MetricFamily(string Name, MetricType Type, string Help, List<MetricSnapshot> Members)
{
    /// <summary>
    /// Groups snapshots by Prometheus name, sorted by name (then meter and instrument name, so the output is stable).
    /// An instrument whose type differs from the family's is left out and reported to <paramref name="onConflict"/>.
    /// </summary>
    public static List<MetricFamily> Group(IEnumerable<MetricSnapshot> metrics, Action<MetricSnapshot, MetricSnapshot>? onConflict)
    {
        var named = metrics
            .Select(m => (Name: PrometheusNaming.MetricName(m.Name, m.Unit, m.Type), Metric: m))
            .OrderBy(x => x.Name, StringComparer.Ordinal)
            .ThenBy(x => x.Metric.MeterName, StringComparer.Ordinal)
            .ThenBy(x => x.Metric.Name, StringComparer.Ordinal);

        var families = new List<MetricFamily>();
        foreach (var (name, metric) in named)
        {
            var last = families.Count > 0 ? families[^1] : null;
            if (last is null || last.Name != name)
            {
                families.Add(new MetricFamily(name, metric.Type, HelpOf(metric), [metric]));
            }
            else if (last.Type == metric.Type)
            {
                last.Members.Add(metric);
            }
            else
            {
                onConflict?.Invoke(last.Members[0], metric);
            }
        }

        return families;
    }

    private static string HelpOf(MetricSnapshot metric) =>
        string.IsNullOrWhiteSpace(metric.Description) ? $"{metric.Name} (meter {metric.MeterName})" : metric.Description;
}
