using Ego.Configuration.Toml.Internal;
using Microsoft.Extensions.Configuration;

namespace Ego.Configuration.Toml;

/// <summary>Loads configuration from a TOML stream; keys flatten as described on <see cref="TomlConfigurationProvider"/>.</summary>
public sealed class TomlStreamConfigurationProvider : StreamConfigurationProvider
{
    /// <summary>Creates the provider.</summary>
    public TomlStreamConfigurationProvider(TomlStreamConfigurationSource source)
        : base(source)
    {
    }

    /// <inheritdoc />
    /// <exception cref="TomlParseException">The stream is not a valid TOML document.</exception>
    public override void Load(Stream stream) =>
        Data = TomlConfigurationFlattener.Flatten(TomlParser.Parse(stream), null);
}
