namespace Ego.Configuration;

/// <summary>A config file that does not parse: names the file and the 1-based line and column.</summary>
public sealed class ConfigFileFormatException : FormatException
{
    public ConfigFileFormatException(string path, int line, int column, string reason, Exception? innerException = null)
        : base($"{path}:{line}:{column}: {reason}", innerException)
    {
        Path = path;
        Line = line;
        Column = column;
        Reason = reason;
    }

    public string Path { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
