using System.Collections.Frozen;
using Ego.Configuration;

namespace Ego.Resilience.Timeouts;

/// <summary>
/// The configured deadline of each method or route: its entry in <c>methodTimeouts</c>, else the server's <c>timeout</c>.
/// The keys quoted in logs are built once here, not per call.
/// </summary>
public sealed class TimeoutPolicy
{
    private readonly FrozenDictionary<string, TimeoutSetting> overrides;
    private readonly TimeoutSetting fallback;

    /// <param name="section">The server's config key, e.g. <c>server.grpc</c>.</param>
    /// <param name="timeout">The server-wide deadline; zero for none.</param>
    /// <param name="methodTimeouts">Deadlines per method or route.</param>
    public TimeoutPolicy(string section, TimeSpan timeout, IReadOnlyDictionary<string, TimeSpan> methodTimeouts)
    {
        ArgumentException.ThrowIfNullOrEmpty(section);
        ArgumentNullException.ThrowIfNull(methodTimeouts);
        overrides = methodTimeouts.ToFrozenDictionary(
            pair => pair.Key, pair => new TimeoutSetting(pair.Value, $"{section}.methodTimeouts.{pair.Key}"), StringComparer.Ordinal);
        fallback = new TimeoutSetting(timeout, section + ".timeout");
    }

    /// <summary>True when some call has a configured deadline.</summary>
    public bool IsEnabled => fallback.Timeout > TimeSpan.Zero || overrides.Count > 0;

    /// <summary>The setting of <paramref name="method"/>; false when it has no configured deadline.</summary>
    public bool TryGet(string method, out TimeoutSetting setting)
    {
        if (overrides.TryGetValue(method, out setting))
        {
            return true;
        }

        setting = fallback;
        return fallback.Timeout > TimeSpan.Zero;
    }

    /// <summary>The log text of a hit deadline, e.g. <c>deadline 200ms from server.grpc.methodTimeouts./pkg.Svc/Get exceeded</c>.</summary>
    public static string Describe(in TimeoutSetting setting) => $"deadline {Duration.Format(setting.Timeout)} from {setting.Key} exceeded";
}
