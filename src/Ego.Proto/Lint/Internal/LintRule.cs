using Ego.Proto.Syntax;

namespace Ego.Proto.Lint.Internal;

/// <summary>A rule's description plus the check that yields (position, message) findings for one file.</summary>
internal sealed class LintRule(LintRuleInfo info, Func<LintContext, IEnumerable<(SourcePosition Position, string Message)>> check)
{
    public LintRuleInfo Info { get; } = info;

    public IEnumerable<ProtoDiagnostic> Run(LintContext context) =>
        check(context).Select(f => new ProtoDiagnostic(context.File.Path, f.Position, Info.Id, f.Message));
}
