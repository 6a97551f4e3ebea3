using Ego.Configuration.Toml.Internal;

namespace Ego.Configuration.Toml;

/// <summary>Parses TOML 1.0.0 documents into a <see cref="TomlTable"/>.</summary>
public static class TomlParser
{
    /// <summary>Parses a document.</summary>
    /// <param name="text">The TOML text.</param>
    /// <param name="sourceName">A file path or other name used in error messages.</param>
    /// <exception cref="TomlParseException">The document is not valid TOML.</exception>
    public static TomlTable Parse(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TomlDocumentParser.Parse(text, sourceName);
    }

    /// <inheritdoc cref="Parse(string, string?)"/>
    public static TomlTable Parse(ReadOnlySpan<char> text, string? sourceName = null) =>
        TomlDocumentParser.Parse(text, sourceName);

    /// <summary>Reads a document to the end and parses it.</summary>
    /// <exception cref="TomlParseException">The document is not valid TOML.</exception>
    public static TomlTable Parse(TextReader reader, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return TomlDocumentParser.Parse(reader.ReadToEnd(), sourceName);
    }

    /// <summary>Reads a UTF-8 document (with or without byte order mark) to the end and parses it.</summary>
    /// <exception cref="TomlParseException">The bytes are not valid UTF-8 or the document is not valid TOML.</exception>
    public static TomlTable Parse(Stream utf8Stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Stream);
        return TomlUtf8Reader.Parse(utf8Stream, sourceName);
    }
}
