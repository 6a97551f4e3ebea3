using Microsoft.Extensions.Configuration;

namespace Ego.Configuration.Toml;

/// <summary>A TOML stream, read once, as an <see cref="IConfigurationSource"/>.</summary>
public sealed class TomlStreamConfigurationSource : StreamConfigurationSource
{
    /// <inheritdoc />
    public override IConfigurationProvider Build(IConfigurationBuilder builder) =>
        new TomlStreamConfigurationProvider(this);
}
