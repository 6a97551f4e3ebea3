using System.Globalization;
using System.Text.RegularExpressions;
using Ego.Cli.Internal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ego.Cli.K8s;

/// <summary>
/// Reads the server ports from a service's config file (<c>server.http.port</c>, <c>server.grpc.port</c>,
/// <c>server.governor.port</c>): a server counts as configured when its section exists, with EGO's default port when none is set.
/// </summary>
internal static partial class ServiceConfigReader
{
    public const int DefaultHttpPort = 9001;
    public const int DefaultGrpcPort = 9002;
    public const int DefaultGovernorPort = 9003;

    public static ServicePorts Read(string path, string text)
    {
        var sections = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".toml" => ReadToml(text),
            ".yaml" or ".yml" or ".json" => ReadYaml(path, text),
            _ => throw new CliException($"{path}: not a config file: expected .toml, .yaml, .yml or .json"),
        };
        int? Port(string section, int fallback) => sections.TryGetValue(section, out var port) ? port ?? fallback : null;
        return new ServicePorts(Port("server.http", DefaultHttpPort), Port("server.grpc", DefaultGrpcPort), Port("server.governor", DefaultGovernorPort));
    }

    /// <summary>Whether a client <c>addr</c> of the config resolves through the Kubernetes API (<c>k8s:///</c>), in TOML, YAML or JSON.</summary>
    public static bool ResolvesThroughKubernetes(string text) => KubernetesAddr().IsMatch(text);

    private static Dictionary<string, int?> ReadToml(string text)
    {
        var sections = new Dictionary<string, int?>(StringComparer.Ordinal);
        string? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (TomlTable().Match(line) is { Success: true } table)
            {
                current = table.Groups[1].Value.Replace("\"", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
                sections.TryAdd(current, null);
            }
            else if (current is not null && TomlPort().Match(line) is { Success: true } port)
            {
                sections[current] = int.Parse(port.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return sections;
    }

    private static Dictionary<string, int?> ReadYaml(string path, string text)
    {
        var sections = new Dictionary<string, int?>(StringComparer.Ordinal);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new CliException($"{path}: not valid YAML or JSON: {exception.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("server"), out var server) || server is not YamlMappingNode servers)
        {
            return sections;
        }

        foreach (var (key, value) in servers.Children)
        {
            int? port = value is YamlMappingNode body && body.Children.TryGetValue(new YamlScalarNode("port"), out var node)
                && node is YamlScalarNode { Value: { } number } && int.TryParse(number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            sections["server." + ((YamlScalarNode)key).Value] = port;
        }

        return sections;
    }

    [GeneratedRegex(@"^\[\s*([\w.""\s-]+?)\s*\]\s*(#.*)?$")]
    private static partial Regex TomlTable();

    [GeneratedRegex(@"^\s*[""']?addr[""']?\s*[=:]\s*[""']?k8s:///", RegexOptions.Multiline)]
    private static partial Regex KubernetesAddr();

    [GeneratedRegex(@"^port\s*=\s*(\d+)\s*(#.*)?$")]
    private static partial Regex TomlPort();
}
