using System.Globalization;
using System.Text;

namespace Ego.Cli.K8s;

/// <summary>YAML scalars written so every value reads back as the string or number it is.</summary>
internal static class YamlScalar
{
    /// <summary>A double-quoted string: never reinterpreted as a number, boolean or null.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// A literal block (<c>|</c>) holding <paramref name="value"/> with one final line break, its lines indented by
    /// <paramref name="indent"/> spaces under a key indented by <paramref name="parentIndent"/>.
    /// </summary>
    public static string Block(string value, int indent, int parentIndent)
    {
        var lines = value.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var pad = new string(' ', indent);

        // Leading spaces on the first line would be read as indentation without an explicit indicator.
        var indicator = lines[0].StartsWith(' ') ? (indent - parentIndent).ToString(CultureInfo.InvariantCulture) : "";
        var text = new StringBuilder("|" + indicator);
        foreach (var line in lines)
        {
            text.Append('\n').Append(line.Length == 0 ? "" : pad + line);
        }

        return text.ToString();
    }
}
