namespace Ego.Proto.Lint;

/// <summary>Which lint rules run and how; loadable from a file with <see cref="LintConfig"/>.</summary>
public sealed class LintOptions
{
    /// <summary>Rule ids to turn off.</summary>
    public ISet<string> DisabledRules { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Rule ids to turn on (for rules that are off by default).</summary>
    public ISet<string> EnabledRules { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Suffix of every enum's zero value after the enum prefix, e.g. <c>STATUS_UNSPECIFIED</c>.</summary>
    public string EnumZeroValueSuffix { get; set; } = "_UNSPECIFIED";

    /// <summary>
    /// Directory that file paths are made relative to for PACKAGE_DIRECTORY_MATCH, which then requires an exact match;
    /// when null the package path only has to end the file's directory.
    /// </summary>
    public string? Root { get; set; }

    public bool IsEnabled(LintRuleInfo rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return !DisabledRules.Contains(rule.Id) && (rule.EnabledByDefault || EnabledRules.Contains(rule.Id));
    }

    /// <summary>Every problem with these options (unknown rule ids, a bad suffix); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var known = ProtoLinter.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in DisabledRules.Concat(EnabledRules).Where(id => !known.Contains(id)).Distinct().Order(StringComparer.Ordinal))
        {
            errors.Add($"unknown lint rule '{id}'; expected one of {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(EnumZeroValueSuffix ?? "", "^_[A-Z0-9]+(_[A-Z0-9]+)*$"))
        {
            errors.Add($"enum_zero_value_suffix '{EnumZeroValueSuffix}' is invalid; expected UPPER_SNAKE_CASE starting with '_', e.g. _UNSPECIFIED");
        }

        return errors;
    }
}
