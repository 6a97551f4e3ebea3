using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Ego.Configuration;

/// <summary>
/// Renders configuration as JSON with secrets redacted: values of keys that look like passwords, tokens,
/// secrets or keys, and the credentials inside DSNs and URLs.
/// </summary>
public static partial class ConfigurationDump
{
    public const string Redacted = "******";

    private static readonly string[] SecretWords = ["password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "accesskey", "access_key", "privatekey", "private_key", "credential"];

    /// <summary>The configuration as an indented JSON document.</summary>
    public static string ToJson(IConfiguration configuration) => ToNode(configuration).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static JsonObject ToNode(IConfiguration configuration)
    {
        var root = new JsonObject();
        foreach (var child in configuration.GetChildren().OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase))
        {
            root[child.Key] = ToNode(child);
        }

        return root;
    }

    /// <summary>True when a key's value must never be shown.</summary>
    public static bool IsSecretKey(string key)
    {
        var lower = key.ToLowerInvariant();
        return SecretWords.Any(lower.Contains);
    }

    /// <summary>Replaces the password in <c>user:password@host</c> forms and <c>password=...</c> pairs.</summary>
    public static string RedactValue(string value)
    {
        var redacted = UserInfoPattern().Replace(value, m => m.Groups[1].Value + ":" + Redacted + "@");
        return KeyValueSecretPattern().Replace(redacted, m => m.Groups[1].Value + "=" + Redacted);
    }

    private static JsonNode? ToNode(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            if (section.Value is null)
            {
                return null;
            }

            return JsonValue.Create(IsSecretKey(section.Key) && section.Value.Length > 0 ? Redacted : RedactValue(section.Value));
        }

        if (IsArray(children))
        {
            var array = new JsonArray();
            foreach (var child in children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)))
            {
                array.Add(IsSecretKey(section.Key) && child.Value is { Length: > 0 } ? JsonValue.Create(Redacted) : ToNode(child));
            }

            return array;
        }

        var node = new JsonObject();
        foreach (var child in children.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase))
        {
            node[child.Key] = IsSecretKey(child.Key) && child.Value is { Length: > 0 } ? JsonValue.Create(Redacted) : ToNode(child);
        }

        return node;
    }

    private static bool IsArray(List<IConfigurationSection> children)
    {
        var indexes = new HashSet<int>();
        foreach (var child in children)
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= children.Count || !indexes.Add(index))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"([A-Za-z0-9_.~%+-]+):[^@/\s]+@")]
    private static partial Regex UserInfoPattern();

    [GeneratedRegex(@"(?i)\b(password|pwd|passwd|secret|token)=[^;&\s]+")]
    private static partial Regex KeyValueSecretPattern();
}
