using Ego.Components;

namespace Ego.Governor.Metrics;

/// <summary>Which meters are exposed to Prometheus, and how much a single instrument may hold. Bound from <c>metrics</c> by the caller.</summary>
public sealed class MetricsOptions : IComponentOptions
{
    public const string DefaultKey = "metrics";

    /// <summary>When false no meter is listened to and the endpoint answers 404.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Meters named by one of these, or under it as a dotted namespace, are exposed: <c>Ego</c> takes <c>Ego</c>
    /// and <c>Ego.Grpc.Server</c> but not <c>Egor.Shop</c>. Comparison is ordinal.
    /// </summary>
    public string[] MeterPrefixes { get; set; } = ["Ego"];

    /// <summary>Further meters exposed by exact name, e.g. <c>Microsoft.AspNetCore.Hosting</c> or the application's own.</summary>
    public string[] Meters { get; set; } = [];

    /// <summary>Registers the <c>Ego.Runtime</c> meter with the <c>process_*</c> and <c>dotnet_*</c> metrics.</summary>
    public bool RuntimeMetrics { get; set; } = true;

    /// <summary>Registers the <c>Ego.Build</c> meter with the <c>ego_build_info</c> gauge.</summary>
    public bool BuildInfoMetric { get; set; } = true;

    /// <summary>Label sets kept per instrument; measurements of further label sets are dropped (and logged once).</summary>
    public int MaxLabelSetsPerInstrument { get; set; } = 2000;

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        for (var i = 0; i < MeterPrefixes.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(MeterPrefixes[i]))
            {
                errors.Add(new($"meterPrefixes[{i}]", "is empty: expected the start of a meter name, e.g. Ego"));
            }
        }

        for (var i = 0; i < Meters.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(Meters[i]))
            {
                errors.Add(new($"meters[{i}]", "is empty: expected a meter name, e.g. Microsoft.AspNetCore.Hosting"));
            }
        }

        if (MaxLabelSetsPerInstrument < 1)
        {
            errors.Add(new("maxLabelSetsPerInstrument", $"{MaxLabelSetsPerInstrument} is not allowed: expected 1 or more"));
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every invalid value.</summary>
    public void ThrowIfInvalid()
    {
        var errors = new List<ComponentOptionError>();
        Validate(errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid metrics options: {string.Join("; ", errors)}");
        }
    }

    /// <summary>True when meters named <paramref name="meterName"/> are exposed.</summary>
    public bool Includes(string meterName)
    {
        ArgumentNullException.ThrowIfNull(meterName);
        return Meters.Contains(meterName, StringComparer.Ordinal)
            || MeterPrefixes.Any(prefix => IsUnder(meterName, prefix));
    }

    private static bool IsUnder(string meterName, string prefix) =>
        meterName.StartsWith(prefix, StringComparison.Ordinal)
        && (meterName.Length == prefix.Length || prefix.EndsWith('.') || meterName[prefix.Length] == '.');
}
