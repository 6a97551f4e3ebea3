using Ego.Configuration.Toml;
using Ego.Configuration.Toml.Internal;

namespace Ego.Configuration;

/// <summary>TOML 1.0 config files, through Ego.NET's own parser.</summary>
public sealed class TomlConfigFileParser : IConfigFileParser
{
    public IDictionary<string, string?> Parse(string text, string path)
    {
        try
        {
            return TomlConfigurationFlattener.Flatten(TomlParser.Parse(text, path), path);
        }
        catch (TomlParseException exception)
        {
            throw new ConfigFileFormatException(path, exception.Line, exception.Column, exception.Reason, exception);
        }
    }
}
