namespace Ego.Configuration;

/// <summary>Picks the parser for a config file by its extension.</summary>
public static class ConfigFileParsers
{
    private static readonly Dictionary<string, Func<IConfigFileParser>> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".toml"] = static () => new TomlConfigFileParser(),
        [".json"] = static () => new JsonConfigFileParser(),
        [".yaml"] = static () => new YamlConfigFileParser(),
        [".yml"] = static () => new YamlConfigFileParser(),
    };

    /// <exception cref="NotSupportedException">The extension is not one of .toml, .json, .yaml, .yml.</exception>
    public static IConfigFileParser ForPath(string path)
    {
        var extension = System.IO.Path.GetExtension(path);
        return ByExtension.TryGetValue(extension, out var create)
            ? create()
            : throw new NotSupportedException($"config file '{path}' has extension '{extension}': expected one of .toml, .json, .yaml, .yml");
    }
}
