using Ego.Proto.Syntax;

namespace Ego.Proto.Lint.Internal;

/// <summary>Comment style and documentation rules.</summary>
internal static class CommentRules
{
    public static IEnumerable<LintRule> All()
    {
        yield return new LintRule(new LintRuleInfo("COMMENT_LINE_STYLE", "Comments use // and not /* */.", true), context =>
            context.Elements.SelectMany(e => e.Element.Comments.All()).Concat(context.File.EndComments)
                .Where(c => c.Style == CommentStyle.Block)
                .Select(c => (c.Position, "comment should use // instead of /* */")));
        yield return Documented<ProtoService>("COMMENT_SERVICE", "service", s => s.Name, true);
        yield return Documented<ProtoRpc>("COMMENT_RPC", "rpc", r => r.Name, true);
        yield return Documented<ProtoMessage>("COMMENT_MESSAGE", "message", m => m.Name, true);
        yield return Documented<ProtoField>("COMMENT_FIELD", "field", f => f.Name, true);
        yield return Documented<ProtoEnumValue>("COMMENT_ENUM_VALUE", "enum value", v => v.Name, true);
        yield return Documented<ProtoEnum>("COMMENT_ENUM", "enum", e => e.Name, false);
        yield return Documented<ProtoOneof>("COMMENT_ONEOF", "oneof", o => o.Name, false);
    }

    private static LintRule Documented<T>(string id, string kind, Func<T, string> name, bool enabledByDefault)
        where T : ProtoElement =>
        new(new LintRuleInfo(id, $"Every {kind} has a non-empty leading comment.", enabledByDefault), context =>
            context.All<T>().Where(e => e.Comments.Leading is null or { IsEmpty: true })
                .Select(e => (e.Position, $"{kind} \"{name(e)}\" should have a leading comment")));
}
