namespace Ego.Resilience.Timeouts;

/// <summary>The deadline a call gets from config, and the config key that set it (for the log line when it is hit).</summary>
public readonly record struct TimeoutSetting(TimeSpan Timeout, string Key);
