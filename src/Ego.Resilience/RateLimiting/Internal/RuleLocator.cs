namespace Ego.Resilience.RateLimiting.Internal;

/// <summary>
/// Finds the line of a rule's field in the rules file text, so a semantic error points where to edit: the first line
/// naming the target, then the first line after it starting with the field.
/// </summary>
internal static class RuleLocator
{
    public static int Line(string text, string target, string? field)
    {
        var lines = text.Split('\n');
        var targetLine = -1;
        var quoted = "\"" + target + "\"";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (line.Contains(quoted, StringComparison.Ordinal) || line.StartsWith("[" + target + "]", StringComparison.Ordinal) || line.StartsWith(target, StringComparison.Ordinal))
            {
                targetLine = i;
                break;
            }
        }

        if (targetLine < 0)
        {
            return 1;
        }

        if (field is null)
        {
            return targetLine + 1;
        }

        for (var i = targetLine; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (i > targetLine && line.StartsWith('['))
            {
                break;
            }

            if (line.StartsWith(field + " ", StringComparison.Ordinal) || line.StartsWith(field + "=", StringComparison.Ordinal) || line.Contains("\"" + field + "\"", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return targetLine + 1;
    }
}
