using System.Diagnostics.Metrics;
using System.Globalization;
using Ego.Build;
using Ego.Governor.Metrics.Internal;
using Ego.Hosting;

namespace Ego.Governor.Metrics;

/// <summary>
/// The <c>Ego.Build</c> meter with the <c>ego_build_info</c> gauge: always 1, labelled with the application's
/// name, mode, region, zone, versions and start and build times, so dashboards can join on them.
/// </summary>
public sealed class EgoBuildInfoMetrics : IDisposable
{
    public const string MeterName = "Ego.Build";

    private readonly Meter meter;
    private readonly bool ownsMeter;

    /// <param name="buildInfo">Versions and build time stamped into the application.</param>
    /// <param name="environment">Name, mode, region and zone of this instance.</param>
    /// <param name="meterFactory">Creates the meter scoped to an application; without one the meter is owned here.</param>
    public EgoBuildInfoMetrics(BuildInfo buildInfo, EgoEnvironment environment, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(buildInfo);
        ArgumentNullException.ThrowIfNull(environment);
        KeyValuePair<string, object?>[] labels =
        [
            new("name", environment.AppName.Length > 0 ? environment.AppName : buildInfo.AppName),
            new("mode", environment.Mode),
            new("region", environment.Region),
            new("zone", environment.Zone),
            new("app_version", buildInfo.AppVersion),
            new("ego_version", buildInfo.EgoVersion),
            new("start_time", ProcSelf.StartTimeUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            new("build_time", buildInfo.BuildTime),
            new("dotnet_version", buildInfo.DotnetVersion),
        ];
        Labels = labels.Select(l => new KeyValuePair<string, string>(l.Key, (string)l.Value!)).ToArray();

        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        ownsMeter = meterFactory is null;
        meter.CreateObservableGauge("ego_build_info", () => new Measurement<int>(1, labels), null,
            "Build and environment information of the application; the value is always 1.");
    }

    /// <summary>The labels of <c>ego_build_info</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }
}
