namespace Ego.Hosting;

/// <summary>Resolves <see cref="EgoEnvironment"/> with the precedence defaults &lt; environment variables &lt; flags.</summary>
public static class EgoEnvironmentResolver
{
    /// <param name="commandLine">Parsed flags.</param>
    /// <param name="environment">Environment variables; null reads the process's.</param>
    /// <exception cref="ArgumentException">A boolean setting is not true or false.</exception>
    public static EgoEnvironment Resolve(EgoCommandLine commandLine, IReadOnlyDictionary<string, string?>? environment = null)
    {
        environment ??= ReadProcessEnvironment();

        string? Pick(string flag, string variable)
        {
            if (commandLine.Flags.TryGetValue(flag, out var fromFlag))
            {
                return fromFlag;
            }

            return environment.TryGetValue(variable, out var fromEnv) && !string.IsNullOrEmpty(fromEnv) ? fromEnv : null;
        }

        var defaults = new EgoEnvironment();
        var configPath = Pick("config", "EGO_CONFIG_PATH");
        return defaults with
        {
            ConfigPath = configPath ?? defaults.ConfigPath,
            ConfigPathExplicit = configPath is not null,
            Host = Pick("host", "EGO_HOST") ?? defaults.Host,
            Watch = ParseBool(Pick("watch", "EGO_WATCH"), "EGO_WATCH", defaults.Watch),
            Debug = ParseBool(Pick("debug", "EGO_DEBUG"), "EGO_DEBUG", defaults.Debug),
            AppName = Pick("ego_name", "EGO_NAME") ?? defaults.AppName,
            LogPath = Pick("ego_log_path", "EGO_LOG_PATH") ?? defaults.LogPath,
            TraceIdName = Pick("ego_trace_id_name", "EGO_TRACE_ID_NAME") ?? defaults.TraceIdName,
            Mode = Get(environment, "EGO_MODE") ?? defaults.Mode,
            Region = Get(environment, "EGO_REGION") ?? defaults.Region,
            Zone = Get(environment, "EGO_ZONE") ?? defaults.Zone,
            Instance = Get(environment, "EGO_INSTANCE") ?? defaults.Instance,
            LogWriter = ParseWriter(Get(environment, "EGO_LOG_WRITER")) ?? defaults.LogWriter,
            GovernorEnableConfig = ParseBool(Get(environment, "EGO_GOVERNOR_ENABLE_CONFIG"), "EGO_GOVERNOR_ENABLE_CONFIG", defaults.GovernorEnableConfig),
            LogExtraKeys = (Get(environment, "EGO_LOG_EXTRA_KEYS") ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    /// <summary>A snapshot of the process environment variables.</summary>
    public static IReadOnlyDictionary<string, string?> ReadProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }

    private static string? Get(IReadOnlyDictionary<string, string?> environment, string name)
        => environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static bool ParseBool(string? value, string name, bool fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "t" or "yes" or "on" => true,
            "false" or "0" or "f" or "no" or "off" => false,
            _ => throw new ArgumentException($"{name}='{value}' is not a boolean: expected true or false"),
        };
    }

    private static string? ParseWriter(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var writer = value.Trim().ToLowerInvariant();
        return writer is "file" or "stderr" or "stdout"
            ? writer
            : throw new ArgumentException($"EGO_LOG_WRITER='{value}' is not a log writer: expected file, stderr or stdout");
    }
}
