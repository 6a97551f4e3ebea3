using System.Collections.Frozen;
using Ego.Configuration;
using Ego.Resilience.Timeouts.Internal;

namespace Ego.Resilience.Timeouts;

/// <summary>
/// The configured deadline of each method or route: its entry in <c>methodTimeouts</c>, else the server's <c>timeout</c>.
/// The keys quoted in logs are built once here, not per call, and each setting has one queue of the calls waiting on it.
/// </summary>
public sealed class TimeoutPolicy : IDisposable
{
    private readonly FrozenDictionary<string, DeadlineQueue> overrides;
    private readonly DeadlineQueue fallback;

    /// <param name="section">The server's config key, e.g. <c>server.grpc</c>.</param>
    /// <param name="timeout">The server-wide deadline; zero for none.</param>
    /// <param name="methodTimeouts">Deadlines per method or route.</param>
    /// <param name="timeProvider">The clock of the deadlines; the system's by default.</param>
    public TimeoutPolicy(string section, TimeSpan timeout, IReadOnlyDictionary<string, TimeSpan> methodTimeouts, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(section);
        ArgumentNullException.ThrowIfNull(methodTimeouts);
        var time = timeProvider ?? TimeProvider.System;
        overrides = methodTimeouts.ToFrozenDictionary(
            pair => pair.Key, pair => new DeadlineQueue(new TimeoutSetting(pair.Value, $"{section}.methodTimeouts.{pair.Key}"), time), StringComparer.Ordinal);
        fallback = new DeadlineQueue(new TimeoutSetting(timeout, section + ".timeout"), time);
    }

    /// <summary>True when some call has a configured deadline.</summary>
    public bool IsEnabled => fallback.Setting.Timeout > TimeSpan.Zero || overrides.Count > 0;

    /// <summary>The setting of <paramref name="method"/>; false when it has no configured deadline.</summary>
    public bool TryGet(string method, out TimeoutSetting setting)
    {
        var found = TryGetQueue(method, out var queue);
        setting = queue.Setting;
        return found;
    }

    /// <summary>The queue of <paramref name="method"/>'s setting; false when it has no configured deadline.</summary>
    internal bool TryGetQueue(string method, out DeadlineQueue queue)
    {
        if (overrides.TryGetValue(method, out queue!))
        {
            return true;
        }

        queue = fallback;
        return fallback.Setting.Timeout > TimeSpan.Zero;
    }

    /// <summary>Stops the deadline timers; calls still waiting no longer expire.</summary>
    public void Dispose()
    {
        fallback.Dispose();
        foreach (var queue in overrides.Values)
        {
            queue.Dispose();
        }
    }

    /// <summary>The log text of a hit deadline, e.g. <c>deadline 200ms from server.grpc.methodTimeouts./pkg.Svc/Get exceeded</c>.</summary>
    public static string Describe(in TimeoutSetting setting) => $"deadline {Duration.Format(setting.Timeout)} from {setting.Key} exceeded";
}
