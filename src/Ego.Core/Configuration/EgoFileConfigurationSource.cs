using Microsoft.Extensions.Configuration;

namespace Ego.Configuration;

/// <summary>
/// A TOML, JSON or YAML config file, optionally watched. Watching follows symlinks and notices the
/// Kubernetes ConfigMap layout, where <c>..data</c> is swapped atomically rather than the file written.
/// </summary>
public sealed class EgoFileConfigurationSource : IConfigurationSource
{
    public required string Path { get; init; }

    /// <summary>When true a missing file yields no keys instead of an error.</summary>
    public bool Optional { get; init; }

    /// <summary>Apply changes without restart.</summary>
    public bool Watch { get; init; }

    /// <summary>How often the file is checked; directory events trigger a check sooner.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new EgoFileConfigurationProvider(this);
}
