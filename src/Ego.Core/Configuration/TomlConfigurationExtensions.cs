using Ego.Configuration.Toml;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Ego.Configuration;

/// <summary>Adds TOML files and streams to an <see cref="IConfigurationBuilder"/>.</summary>
public static class TomlConfigurationExtensions
{
    /// <summary>Adds a required TOML file, relative to the builder's base path.</summary>
    public static IConfigurationBuilder AddTomlFile(this IConfigurationBuilder builder, string path) =>
        AddTomlFile(builder, provider: null, path, optional: false, reloadOnChange: false);

    /// <summary>Adds a TOML file, relative to the builder's base path.</summary>
    public static IConfigurationBuilder AddTomlFile(this IConfigurationBuilder builder, string path, bool optional) =>
        AddTomlFile(builder, provider: null, path, optional, reloadOnChange: false);

    /// <summary>Adds a TOML file, relative to the builder's base path, optionally reloading it when it changes.</summary>
    public static IConfigurationBuilder AddTomlFile(this IConfigurationBuilder builder, string path, bool optional, bool reloadOnChange) =>
        AddTomlFile(builder, provider: null, path, optional, reloadOnChange);

    /// <summary>Adds a TOML file read through <paramref name="provider"/> (the builder's when null).</summary>
    public static IConfigurationBuilder AddTomlFile(this IConfigurationBuilder builder, IFileProvider? provider, string path, bool optional, bool reloadOnChange)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("The TOML file path must be a non-empty string.", nameof(path));
        }

        return builder.AddTomlFile(source =>
        {
            source.FileProvider = provider;
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ResolveFileProvider();
        });
    }

    /// <summary>Adds a TOML file configured by <paramref name="configureSource"/>.</summary>
    public static IConfigurationBuilder AddTomlFile(this IConfigurationBuilder builder, Action<TomlConfigurationSource>? configureSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(configureSource);
    }

    /// <summary>Adds a UTF-8 TOML stream, read once when the configuration is built.</summary>
    public static IConfigurationBuilder AddTomlStream(this IConfigurationBuilder builder, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(stream);
        return builder.Add<TomlStreamConfigurationSource>(source => source.Stream = stream);
    }
}
