using System.Globalization;
using System.Text.Json;
using Ego.Configuration.Toml;

namespace Ego.Resilience.RateLimiting.Internal;

/// <summary>
/// Reads a rules file into (target, fields) pairs: the <c>default</c> table and every table under <c>rules</c>, keyed
/// by method or route. TOML and JSON are read as documents rather than flattened config keys, so route patterns with
/// <c>:</c> survive.
/// </summary>
internal static class RuleDocumentReader
{
    public static List<(string Target, Dictionary<string, string> Fields)> Read(string text, string path)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".toml", StringComparison.OrdinalIgnoreCase))
        {
            return ReadToml(text, path);
        }

        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJson(text, path);
        }

        throw new RateLimitRulesException(path, 0, $"extension '{extension}' is not supported: expected .toml or .json");
    }

    private static List<(string, Dictionary<string, string>)> ReadToml(string text, string path)
    {
        TomlTable root;
        try
        {
            root = TomlParser.Parse(text, path);
        }
        catch (TomlParseException exception)
        {
            throw new RateLimitRulesException(path, exception.Line, exception.Reason, exception);
        }

        var result = new List<(string, Dictionary<string, string>)>();
        foreach (var (key, value) in root)
        {
            switch (key)
            {
                case "default" when value.Kind == TomlValueKind.Table:
                    result.Add((RateLimitRules.DefaultTarget, Fields(value.GetTable())));
                    break;
                case "rules" when value.Kind == TomlValueKind.Table:
                    foreach (var (target, rule) in value.GetTable())
                    {
                        if (rule.Kind != TomlValueKind.Table)
                        {
                            throw new RateLimitRulesException(path, RuleLocator.Line(text, target, null), $"rules.\"{target}\" is a {rule.Kind}: expected a table of type, permits, period...");
                        }

                        result.Add((target, Fields(rule.GetTable())));
                    }

                    break;
                default:
                    throw new RateLimitRulesException(path, RuleLocator.Line(text, key, null), $"'{key}' is not expected here: expected [default] or [rules.\"<method or route>\"] tables");
            }
        }

        return result;
    }

    private static Dictionary<string, string> Fields(TomlTable table)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in table)
        {
            fields[key] = value.Kind switch
            {
                TomlValueKind.String => value.GetString(),
                TomlValueKind.Integer => value.GetInteger().ToString(CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }

        return fields;
    }

    private static List<(string, Dictionary<string, string>)> ReadJson(string text, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            var reason = exception.Message.Split(" LineNumber:", 2)[0];
            throw new RateLimitRulesException(path, (int)(exception.LineNumber ?? 0) + 1, reason, exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RateLimitRulesException(path, 1, "expected an object with \"default\" and \"rules\"");
            }

            var result = new List<(string, Dictionary<string, string>)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "default" when property.Value.ValueKind == JsonValueKind.Object:
                        result.Add((RateLimitRules.DefaultTarget, Fields(property.Value)));
                        break;
                    case "rules" when property.Value.ValueKind == JsonValueKind.Object:
                        foreach (var rule in property.Value.EnumerateObject())
                        {
                            if (rule.Value.ValueKind != JsonValueKind.Object)
                            {
                                throw new RateLimitRulesException(path, RuleLocator.Line(text, rule.Name, null), $"rules.\"{rule.Name}\" is a {rule.Value.ValueKind}: expected an object of type, permits, period...");
                            }

                            result.Add((rule.Name, Fields(rule.Value)));
                        }

                        break;
                    default:
                        throw new RateLimitRulesException(path, RuleLocator.Line(text, property.Name, null), $"'{property.Name}' is not expected here: expected \"default\" or \"rules\" objects");
                }
            }

            return result;
        }
    }

    private static Dictionary<string, string> Fields(JsonElement element)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return fields;
    }
}
