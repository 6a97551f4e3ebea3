using Ego.Proto.Syntax;

namespace Ego.Proto.Lint.Internal;

/// <summary>Indentation: two spaces per nesting level, never tabs.</summary>
internal static class LayoutRules
{
    public static IEnumerable<LintRule> All()
    {
        yield return new LintRule(new LintRuleInfo("INDENT_SPACES", "Indent with two spaces per level, never tabs.", true), Indent);
    }

    private static IEnumerable<(SourcePosition, string)> Indent(LintContext context)
    {
        var lines = context.File.Text.Split('\n');
        var tabbed = new HashSet<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                tabbed.Add(i + 1);
                yield return (new SourcePosition(i + 1, tab + 1), "indentation should use spaces, not tabs");
            }
        }

        foreach (var walked in context.Elements)
        {
            var position = walked.Element.Position;
            var expected = (walked.Depth * 2) + 1;
            if (position.Column == expected || tabbed.Contains(position.Line) || position.Line > lines.Length)
            {
                continue;
            }

            var before = lines[position.Line - 1][..Math.Min(position.Column - 1, lines[position.Line - 1].Length)];
            if (before.Trim().Length == 0)
            {
                yield return (position, $"indentation should be {expected - 1} spaces, found {position.Column - 1}");
            }
        }
    }
}
