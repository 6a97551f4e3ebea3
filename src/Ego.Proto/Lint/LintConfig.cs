using Ego.Proto.Lint.Internal;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ego.Proto.Lint;

/// <summary>
/// Reads <see cref="LintOptions"/> from YAML or JSON with the keys <c>disable</c>, <c>enable</c>
/// (lists of rule ids), <c>enum_zero_value_suffix</c> and <c>root</c> (relative to the config file).
/// </summary>
public static class LintConfig
{
    /// <exception cref="ProtoConfigException">The file does not parse or holds invalid values.</exception>
    public static LintOptions Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ProtoConfigException(path, [ex.Message]);
        }

        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Parses config text; a relative <c>root</c> is resolved against <paramref name="baseDirectory"/> when given.</summary>
    public static LintOptions Parse(string text, string path, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        LintConfigDocument? document;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            document = deserializer.Deserialize<LintConfigDocument?>(text);
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException ?? ex).Message;
            throw new ProtoConfigException(path, [$"line {ex.Start.Line}, column {ex.Start.Column}: {reason}"]);
        }

        document ??= new LintConfigDocument();
        var options = new LintOptions
        {
            DisabledRules = new HashSet<string>(document.Disable ?? [], StringComparer.Ordinal),
            EnabledRules = new HashSet<string>(document.Enable ?? [], StringComparer.Ordinal),
            Root = document.Root is null || baseDirectory is null ? document.Root : Path.GetFullPath(document.Root, baseDirectory),
        };
        if (document.EnumZeroValueSuffix is not null)
        {
            options.EnumZeroValueSuffix = document.EnumZeroValueSuffix;
        }

        var errors = options.Validate();
        return errors.Count > 0 ? throw new ProtoConfigException(path, errors) : options;
    }
}
