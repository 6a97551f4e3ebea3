using Ego.Proto.Syntax;

namespace Ego.Proto.Lint.Internal;

/// <summary>One file being linted, with its elements flattened once for all rules.</summary>
internal sealed class LintContext(ProtoFile file, LintOptions options)
{
    public ProtoFile File { get; } = file;

    public LintOptions Options { get; } = options;

    public IReadOnlyList<WalkedElement> Elements { get; } = ElementWalker.Walk(file).ToList();

    public IEnumerable<T> All<T>() where T : ProtoElement => Elements.Select(e => e.Element).OfType<T>();
}
