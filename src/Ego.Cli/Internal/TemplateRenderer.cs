using System.Text;
using System.Text.RegularExpressions;

namespace Ego.Cli.Internal;

/// <summary>
/// Renders the embedded templates: <c>{{Name}}</c> is replaced by a value, and lines between
/// <c>{{#if flag}}</c> (or <c>{{#if !flag}}</c>) and <c>{{/if}}</c>, each on a line of its own, are kept only when the condition holds.
/// </summary>
internal static partial class TemplateRenderer
{
    public static string Render(string template, IReadOnlyDictionary<string, string> values, IReadOnlySet<string> flags)
    {
        var output = new StringBuilder(template.Length);
        var keep = new Stack<bool>();
        var lineNumber = 0;
        foreach (var line in template.Split('\n'))
        {
            lineNumber++;
            var directive = Directive().Match(line);
            if (directive.Success)
            {
                if (directive.Groups["end"].Success)
                {
                    if (keep.Count == 0)
                    {
                        throw new InvalidOperationException($"template line {lineNumber}: {{{{/if}}}} without {{{{#if}}}}");
                    }

                    keep.Pop();
                }
                else
                {
                    var holds = flags.Contains(directive.Groups["flag"].Value) != directive.Groups["not"].Success;
                    keep.Push(holds && (keep.Count == 0 || keep.Peek()));
                }

                continue;
            }

            if (keep.Count == 0 || keep.Peek())
            {
                output.Append(Placeholder().Replace(line, m => values.TryGetValue(m.Groups[1].Value, out var value)
                    ? value
                    : throw new InvalidOperationException($"template line {lineNumber}: no value for {{{{{m.Groups[1].Value}}}}}"))).Append('\n');
            }
        }

        if (keep.Count != 0)
        {
            throw new InvalidOperationException("template: {{#if}} without {{/if}}");
        }

        return output.Length > 0 ? output.ToString(0, output.Length - 1) : "";
    }

    [GeneratedRegex(@"^\s*\{\{(?:#if (?<not>!)?(?<flag>\w+)|(?<end>/if))\}\}\s*$")]
    private static partial Regex Directive();

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
