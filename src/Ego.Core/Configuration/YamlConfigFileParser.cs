using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ego.Configuration;

/// <summary>YAML config files: mappings become sections, sequences become indexed keys.</summary>
public sealed class YamlConfigFileParser : IConfigFileParser
{
    public IDictionary<string, string?> Parse(string text, string path)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new ConfigFileFormatException(path, (int)exception.Start.Line, (int)exception.Start.Column, (exception.InnerException ?? exception).Message, exception);
        }

        if (stream.Documents.Count == 0)
        {
            return data;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            if (root is YamlScalarNode { Value: null or "" })
            {
                return data;
            }

            throw new ConfigFileFormatException(path, (int)root.Start.Line, (int)root.Start.Column, "expected a mapping at the top level");
        }

        Visit(mapping, null, data, path);
        return data;
    }

    private static void Visit(YamlNode node, string? prefix, Dictionary<string, string?> data, string path)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = ((keyNode as YamlScalarNode)?.Value) ?? throw new ConfigFileFormatException(path, (int)keyNode.Start.Line, (int)keyNode.Start.Column, "expected a scalar key");
                    var full = prefix is null ? key : prefix + ":" + key;
                    if (valueNode is YamlScalarNode && data.ContainsKey(full))
                    {
                        throw new ConfigFileFormatException(path, (int)keyNode.Start.Line, (int)keyNode.Start.Column, $"duplicate key '{full.Replace(':', '.')}' (keys are case-insensitive)");
                    }

                    Visit(valueNode, full, data, path);
                }

                if (mapping.Children.Count == 0 && prefix is not null)
                {
                    data[prefix] = null;
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Visit(sequence.Children[i], prefix + ":" + i.ToString(CultureInfo.InvariantCulture), data, path);
                }

                if (sequence.Children.Count == 0 && prefix is not null)
                {
                    data[prefix] = null;
                }

                break;
            case YamlScalarNode scalar:
                data[prefix!] = scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" ? null : scalar.Value;
                break;
            default:
                throw new ConfigFileFormatException(path, (int)node.Start.Line, (int)node.Start.Column, $"unsupported YAML node {node.NodeType}");
        }
    }
}
