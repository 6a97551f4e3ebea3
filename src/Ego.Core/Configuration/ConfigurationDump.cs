using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ego.Components;
using Microsoft.Extensions.Configuration;

namespace Ego.Configuration;

/// <summary>
/// Renders configuration as JSON with secrets redacted: values of keys that look like passwords, tokens,
/// secrets or keys, and the credentials inside DSNs and URLs.
/// </summary>
public static partial class ConfigurationDump
{
    public const string Redacted = "******";

    private static readonly string[] SecretWords = ["password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "accesskey", "access_key", "privatekey", "private_key", "credential", "authorization"];

    private static readonly JsonSerializerOptions OptionsSerialization = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new DurationJsonConverter() },
    };

    /// <summary>
    /// The configuration as an indented JSON document. Components in <paramref name="components"/> are shown with
    /// their effective options, so values left to defaults appear too.
    /// </summary>
    public static string ToJson(IConfiguration configuration, ComponentRegistry? components = null)
    {
        var root = ToNode(configuration);
        foreach (var (key, options) in components?.Snapshot() ?? [])
        {
            MergeComponent(root, key, options);
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static JsonObject ToNode(IConfiguration configuration)
    {
        var root = new JsonObject();
        foreach (var child in configuration.GetChildren().OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase))
        {
            root[child.Key] = ToNode(child);
        }

        return root;
    }

    private static void MergeComponent(JsonObject root, string key, object options)
    {
        var parent = root;
        var segments = key.Split('.');
        foreach (var segment in segments[..^1])
        {
            var existing = FindProperty(parent, segment);
            if (existing.Value is not JsonObject child)
            {
                child = new JsonObject();
                parent[existing.Key ?? segment] = child;
            }

            parent = child;
        }

        var last = segments[^1];
        var fromConfig = FindProperty(parent, last);
        var effective = Redact((JsonObject)JsonSerializer.SerializeToNode(options, options.GetType(), OptionsSerialization)!);
        if (fromConfig.Value is JsonObject configured)
        {
            foreach (var (name, value) in configured.ToList())
            {
                if (FindProperty(effective, name).Key is null)
                {
                    configured.Remove(name);
                    effective[name] = value;
                }
            }
        }

        parent[fromConfig.Key ?? last] = effective;
    }

    private static KeyValuePair<string?, JsonNode?> FindProperty(JsonObject node, string name)
    {
        foreach (var (key, value) in node)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return new(key, value);
            }
        }

        return new(null, null);
    }

    private static JsonObject Redact(JsonObject node)
    {
        foreach (var (name, value) in node.ToList())
        {
            if (value is JsonObject child)
            {
                Redact(child);
            }
            else if (value is JsonValue leaf && leaf.TryGetValue<string>(out var text))
            {
                node[name] = IsSecretKey(name) && text.Length > 0 ? Redacted : RedactValue(text);
            }
        }

        return node;
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
