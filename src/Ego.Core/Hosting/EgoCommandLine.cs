namespace Ego.Hosting;

/// <summary>What the command line asked for: EGO flags, config overrides and one-shot commands.</summary>
public sealed record EgoCommandLine
{
    /// <summary>EGO flags by name (<c>config</c>, <c>host</c>, <c>watch</c>, <c>debug</c>, <c>ego_name</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> Flags { get; init; } = new Dictionary<string, string>();

    /// <summary>Config values given as <c>--server.grpc.port=9100</c>, keyed by configuration path (<c>server:grpc:port</c>).</summary>
    public IReadOnlyDictionary<string, string?> ConfigOverrides { get; init; } = new Dictionary<string, string?>();

    public bool ShowHelp { get; init; }

    public bool ShowVersion { get; init; }

    public bool DumpConfig { get; init; }

    /// <summary>The job to run instead of the servers (<c>--job=install</c>), or null.</summary>
    public string? Job { get; init; }

    /// <summary>Arguments that are not flags, left for the application.</summary>
    public IReadOnlyList<string> Remaining { get; init; } = [];
}
