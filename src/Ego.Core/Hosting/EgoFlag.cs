namespace Ego.Hosting;

/// <summary>A start-up flag with its environment variable and default, as listed by <c>--help</c>.</summary>
public sealed record EgoFlag(string Name, string? EnvironmentVariable, string Default, string Description, bool IsSwitch = false)
{
    /// <summary>The flags every Ego.NET application understands (EGO's set plus Ego.NET's commands).</summary>
    public static IReadOnlyList<EgoFlag> All { get; } =
    [
        new("config", "EGO_CONFIG_PATH", EgoEnvironmentDefaults.ConfigPath, "config file (.toml, .json, .yaml)"),
        new("host", "EGO_HOST", EgoEnvironmentDefaults.Host, "address the servers listen on"),
        new("watch", "EGO_WATCH", "true", "apply config file changes without restart"),
        new("debug", "EGO_DEBUG", "false", "debug output: one coloured line per call, stack traces"),
        new("ego_name", "EGO_NAME", "executable name", "application name"),
        new("ego_log_path", "EGO_LOG_PATH", EgoEnvironmentDefaults.LogPath, "directory of log files"),
        new("ego_trace_id_name", "EGO_TRACE_ID_NAME", EgoEnvironmentDefaults.TraceIdName, "header carrying the trace id"),
        new("job", null, "", "run the named job instead of the servers, then exit with its status"),
        new("dump-config", null, "", "print the effective configuration as JSON and exit", IsSwitch: true),
        new("version", null, "", "print build information and exit", IsSwitch: true),
        new("help", null, "", "print this help and exit", IsSwitch: true),
    ];

    /// <summary>Environment-only settings, shown by <c>--help</c> after the flags.</summary>
    public static IReadOnlyList<EgoFlag> EnvironmentOnly { get; } =
    [
        new("mode", "EGO_MODE", "", "run mode, e.g. dev, test, prod"),
        new("region", "EGO_REGION", "", "region of the instance"),
        new("zone", "EGO_ZONE", "", "zone of the instance"),
        new("instance", "EGO_INSTANCE", "host name", "instance name"),
        new("log_writer", "EGO_LOG_WRITER", EgoEnvironmentDefaults.LogWriter, "where logs go: file, stderr or stdout"),
        new("log_extra_keys", "EGO_LOG_EXTRA_KEYS", "", "comma-separated request metadata keys added to log fields"),
    ];
}
