namespace Ego.Configuration.Toml;

/// <summary>Describes a TOML file that could not be loaded.</summary>
public sealed class TomlLoadFailedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public TomlLoadFailedEventArgs(TomlParseException exception, bool isReload)
    {
        Exception = exception;
        IsReload = isReload;
    }

    /// <summary>What is wrong with the file, with line and column.</summary>
    public TomlParseException Exception { get; }

    /// <summary>True when the load was triggered by a change to the file rather than by building the configuration.</summary>
    public bool IsReload { get; }
}
