using Ego.Proto.Syntax;

namespace Ego.Proto.Lint.Internal;

/// <summary>Enumerates every element of a file depth-first, in source order within each block.</summary>
internal static class ElementWalker
{
    public static IEnumerable<WalkedElement> Walk(ProtoFile file)
    {
        IEnumerable<ProtoElement> top = [.. Optional(file.SyntaxDeclaration), .. Optional(file.Package), .. file.Imports, .. file.Options];
        foreach (var element in top.Concat(file.Definitions))
        {
            foreach (var walked in Walk(element, 0, null))
            {
                yield return walked;
            }
        }
    }

    private static IEnumerable<ProtoElement> Optional(ProtoElement? element) => element is null ? [] : [element];

    private static IEnumerable<WalkedElement> Walk(ProtoElement element, int depth, ProtoEnum? owner)
    {
        yield return new WalkedElement(element, depth, owner);
        IEnumerable<ProtoElement> children = element switch
        {
            ProtoMessage m => m.Body,
            ProtoEnum e => e.Body,
            ProtoOneof o => o.Body,
            ProtoService s => s.Body,
            ProtoRpc r => r.Options,
            ProtoExtend x => x.Fields,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var walked in Walk(child, depth + 1, element as ProtoEnum))
            {
                yield return walked;
            }
        }
    }
}
