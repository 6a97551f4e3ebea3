namespace Ego.Configuration.Toml;

/// <summary>
/// A TOML document is invalid. The message reads <c>source:line:column: reason</c>, for example
/// <c>config/local.toml:3:12: duplicate key 'port' (first defined at 2:1)</c>.
/// </summary>
public sealed class TomlParseException : FormatException
{
    /// <summary>Creates the exception for a problem at a 1-based line and column.</summary>
    public TomlParseException(string reason, int line, int column, string? sourceName = null, Exception? innerException = null)
        : base(Format(reason, line, column, sourceName), innerException)
    {
        Reason = reason;
        Line = line;
        Column = column;
        SourceName = sourceName;
    }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (UTF-16 code unit) of the problem.</summary>
    public int Column { get; }

    /// <summary>The file path or other name of the document, when known.</summary>
    public string? SourceName { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Reason { get; }

    private static string Format(string reason, int line, int column, string? sourceName) =>
        string.IsNullOrEmpty(sourceName)
            ? $"{line}:{column}: {reason}"
            : $"{sourceName}:{line}:{column}: {reason}";
}
