using System.Globalization;
using System.Text.Json;

namespace Ego.Configuration;

/// <summary>JSON config files, flattened the way Microsoft.Extensions.Configuration.Json does.</summary>
public sealed class JsonConfigFileParser : IConfigFileParser
{
    public IDictionary<string, string?> Parse(string text, string path)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigFileFormatException(path, 1, 1, $"expected a JSON object at the top level, found {document.RootElement.ValueKind}");
            }

            Visit(document.RootElement, null, data, path);
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            throw new ConfigFileFormatException(path, line, column, exception.Message.Split(" Path:")[0], exception);
        }

        return data;
    }

    private static void Visit(JsonElement element, string? prefix, Dictionary<string, string?> data, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var any = false;
                foreach (var property in element.EnumerateObject())
                {
                    any = true;
                    Visit(property.Value, prefix is null ? property.Name : prefix + ":" + property.Name, data, path);
                }

                if (!any && prefix is not null)
                {
                    data[prefix] = null;
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, prefix + ":" + index.ToString(CultureInfo.InvariantCulture), data, path);
                    index++;
                }

                if (index == 0 && prefix is not null)
                {
                    data[prefix] = null;
                }

                break;
            case JsonValueKind.Null:
                data[prefix!] = null;
                break;
            default:
                if (data.ContainsKey(prefix!))
                {
                    throw new ConfigFileFormatException(path, 1, 1, $"duplicate key '{prefix!.Replace(':', '.')}' (keys are case-insensitive)");
                }

                data[prefix!] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }
}
