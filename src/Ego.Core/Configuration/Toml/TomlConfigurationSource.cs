using Microsoft.Extensions.Configuration;

namespace Ego.Configuration.Toml;

/// <summary>A TOML file as an <see cref="IConfigurationSource"/>.</summary>
public sealed class TomlConfigurationSource : FileConfigurationSource
{
    /// <inheritdoc />
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new TomlConfigurationProvider(this);
    }
}
