using Ego.Configuration.Toml.Internal;
using Microsoft.Extensions.Configuration;

namespace Ego.Configuration.Toml;

/// <summary>
/// Loads configuration from a TOML file. Tables and array indices join with ':' (<c>servers:0:host</c>);
/// values render invariantly (<c>true</c>, <c>8080</c>, <c>0.5</c>, ISO 8601 date-times).
/// </summary>
/// <remarks>
/// When a watched file changes and no longer parses, the base provider clears <see cref="ConfigurationProvider.Data"/>
/// and throws on a file-watcher thread where nobody observes it. <see cref="LoadFailed"/> and
/// <see cref="LastLoadException"/> make that failure visible.
/// </remarks>
public sealed class TomlConfigurationProvider : FileConfigurationProvider
{
    private int _explicitLoadThread = -1;

    /// <summary>Creates the provider.</summary>
    public TomlConfigurationProvider(TomlConfigurationSource source)
        : base(source)
    {
    }

    /// <summary>Raised when the file fails to parse, including on reloads after a file change.</summary>
    public event EventHandler<TomlLoadFailedEventArgs>? LoadFailed;

    /// <summary>The error of the most recent load, or null if it succeeded.</summary>
    public TomlParseException? LastLoadException { get; private set; }

    /// <inheritdoc />
    public override void Load()
    {
        _explicitLoadThread = Environment.CurrentManagedThreadId;
        try
        {
            base.Load();
        }
        finally
        {
            _explicitLoadThread = -1;
        }
    }

    /// <inheritdoc />
    /// <exception cref="TomlParseException">The file is not a valid TOML document.</exception>
    public override void Load(Stream stream)
    {
        var sourceName = Source.FileProvider?.GetFileInfo(Source.Path ?? string.Empty).PhysicalPath ?? Source.Path;
        try
        {
            Data = TomlConfigurationFlattener.Flatten(TomlParser.Parse(stream, sourceName), sourceName);
            LastLoadException = null;
        }
        catch (TomlParseException ex)
        {
            LastLoadException = ex;
            var isReload = _explicitLoadThread != Environment.CurrentManagedThreadId;
            LoadFailed?.Invoke(this, new TomlLoadFailedEventArgs(ex, isReload));
            throw;
        }
    }
}
