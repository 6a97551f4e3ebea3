namespace Ego.Hosting;

/// <summary>
/// The process-wide settings that come from <c>EGO_*</c> environment variables and their flags.
/// Resolved once at start with the precedence defaults &lt; environment &lt; flags.
/// </summary>
public sealed record EgoEnvironment
{
    /// <summary>Path of the config file (<c>--config</c>, <c>EGO_CONFIG_PATH</c>).</summary>
    public string ConfigPath { get; init; } = EgoEnvironmentDefaults.ConfigPath;

    /// <summary>True when the config path was given explicitly: a missing file is then a fail-fast error.</summary>
    public bool ConfigPathExplicit { get; init; }

    /// <summary>Address the servers bind to (<c>--host</c>, <c>EGO_HOST</c>).</summary>
    public string Host { get; init; } = EgoEnvironmentDefaults.Host;

    /// <summary>Whether config files are watched and applied without restart (<c>--watch</c>, <c>EGO_WATCH</c>).</summary>
    public bool Watch { get; init; } = true;

    /// <summary>Debug mode (<c>--debug</c>, <c>EGO_DEBUG</c>): coloured one-line call output, stack traces in fail-fast blocks.</summary>
    public bool Debug { get; init; }

    /// <summary>Application name (<c>--ego_name</c>, <c>EGO_NAME</c>); the executable name by default.</summary>
    public string AppName { get; init; } = EgoEnvironmentDefaults.DefaultAppName();

    /// <summary>Directory of log files (<c>--ego_log_path</c>, <c>EGO_LOG_PATH</c>).</summary>
    public string LogPath { get; init; } = EgoEnvironmentDefaults.LogPath;

    /// <summary>Header and metadata key that carries the trace id (<c>--ego_trace_id_name</c>, <c>EGO_TRACE_ID_NAME</c>).</summary>
    public string TraceIdName { get; init; } = EgoEnvironmentDefaults.TraceIdName;

    /// <summary>Run mode (<c>EGO_MODE</c>), e.g. dev, test, prod.</summary>
    public string Mode { get; init; } = "";

    /// <summary>Region (<c>EGO_REGION</c>).</summary>
    public string Region { get; init; } = "";

    /// <summary>Zone (<c>EGO_ZONE</c>).</summary>
    public string Zone { get; init; } = "";

    /// <summary>Instance name (<c>EGO_INSTANCE</c>); the host name by default.</summary>
    public string Instance { get; init; } = System.Environment.MachineName;

    /// <summary>Where the loggers write (<c>EGO_LOG_WRITER</c>): file, stderr or stdout.</summary>
    public string LogWriter { get; init; } = EgoEnvironmentDefaults.LogWriter;

    /// <summary>Whether the governor serves <c>/config/json</c> outside debug mode (<c>EGO_GOVERNOR_ENABLE_CONFIG</c>).</summary>
    public bool GovernorEnableConfig { get; init; }

    /// <summary>Request metadata keys copied into log fields and to downstream calls (<c>EGO_LOG_EXTRA_KEYS</c>, comma separated).</summary>
    public IReadOnlyList<string> LogExtraKeys { get; init; } = [];
}
