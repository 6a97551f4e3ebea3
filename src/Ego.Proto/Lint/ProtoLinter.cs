using Ego.Proto.Lint.Internal;
using Ego.Proto.Syntax;

namespace Ego.Proto.Lint;

/// <summary>Checks .proto files against the Ego IDL style guide.</summary>
public static class ProtoLinter
{
    private static readonly LintRule[] AllRules =
        [.. LayoutRules.All(), .. PackageRules.All(), .. NamingRules.All(), .. CommentRules.All()];

    /// <summary>Every rule, enabled or not.</summary>
    public static IReadOnlyList<LintRuleInfo> Rules { get; } = [.. AllRules.Select(r => r.Info)];

    /// <summary>Runs the enabled rules over <paramref name="files"/>; findings are sorted by file, line and column.</summary>
    /// <exception cref="ArgumentException">The options are invalid (unknown rule ids, bad suffix).</exception>
    public static IReadOnlyList<ProtoDiagnostic> Lint(IReadOnlyList<ProtoFile> files, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= new LintOptions();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid lint options: " + string.Join("; ", errors), nameof(options));
        }

        var enabled = AllRules.Where(r => options.IsEnabled(r.Info)).ToList();
        return files
            .SelectMany(file =>
            {
                var context = new LintContext(file, options);
                return enabled.SelectMany(rule => rule.Run(context));
            })
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Position.Line)
            .ThenBy(d => d.Position.Column)
            .ThenBy(d => d.RuleId, StringComparer.Ordinal)
            .ToList();
    }
}
