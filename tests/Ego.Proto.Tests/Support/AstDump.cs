using System.Text;
using Ego.Proto.Syntax;

namespace Ego.Proto.Tests.Support;

/// <summary>Renders an AST without positions or layout so two parses can be compared.</summary>
internal static class AstDump
{
    public static string Of(ProtoFile file)
    {
        var sb = new StringBuilder();
        if (file.SyntaxDeclaration is { } s)
        {
            Element(sb, s, 0, $"{s.Keyword} {s.Value}");
        }

        if (file.Package is { } p)
        {
            Element(sb, p, 0, $"package {p.Name}");
        }

        foreach (var i in file.Imports.OrderBy(i => i.Path, StringComparer.Ordinal))
        {
            Element(sb, i, 0, $"import {i.Modifier} {i.Path}");
        }

        foreach (var o in file.Options.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            Element(sb, o, 0, $"option {o.Name} = {o.Value}");
        }

        foreach (var d in file.Definitions)
        {
            Any(sb, d, 0);
        }

        foreach (var c in file.EndComments)
        {
            sb.Append("end ").Append(Comment(c)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Comment(ProtoComment? c) => c is null ? "-" : $"{c.Style}<{c.Text}>";

    private static void Element(StringBuilder sb, ProtoElement e, int depth, string text)
    {
        var comments = e.Comments;
        sb.Append(' ', depth * 2).Append(text)
            .Append(" | detached=").Append(string.Join(",", comments.Detached.Select(Comment)))
            .Append(" leading=").Append(Comment(comments.Leading))
            .Append(" trailing=").Append(Comment(comments.Trailing))
            .Append(" inner=").Append(string.Join(",", comments.Inner.Select(Comment)))
            .Append(" closing=").Append(Comment(comments.Closing)).Append('\n');
    }

    private static string Options(IEnumerable<ProtoOption> options) => string.Join(",", options.Select(o => $"{o.Name}={o.Value}"));

    private static void Any(StringBuilder sb, ProtoElement e, int depth)
    {
        switch (e)
        {
            case ProtoMessage m:
                Element(sb, m, depth, $"message {m.Name}");
                Children(sb, m.Body, depth);
                break;
            case ProtoEnum en:
                Element(sb, en, depth, $"enum {en.Name}");
                Children(sb, en.Body, depth);
                break;
            case ProtoService sv:
                Element(sb, sv, depth, $"service {sv.Name}");
                Children(sb, sv.Body, depth);
                break;
            case ProtoOneof o:
                Element(sb, o, depth, $"oneof {o.Name}");
                Children(sb, o.Body, depth);
                break;
            case ProtoExtend x:
                Element(sb, x, depth, $"extend {x.Extendee}");
                Children(sb, x.Fields, depth);
                break;
            case ProtoRpc r:
                Element(sb, r, depth, $"rpc {r.Name} {r.RequestStream} {r.RequestType} {r.ResponseStream} {r.ResponseType}");
                Children(sb, r.Options, depth);
                break;
            case ProtoField f:
                Element(sb, f, depth, $"field {f.Label} {f.DisplayType} {f.Name} {f.Number} [{Options(f.Options)}]");
                break;
            case ProtoEnumValue v:
                Element(sb, v, depth, $"value {v.Name} {v.Number} [{Options(v.Options)}]");
                break;
            case ProtoReserved r:
                Element(sb, r, depth, $"reserved {string.Join(",", r.Ranges)} {string.Join(",", r.Names)}");
                break;
            case ProtoExtensions x:
                Element(sb, x, depth, $"extensions {string.Join(",", x.Ranges)} [{Options(x.Options)}]");
                break;
            case ProtoOption o:
                Element(sb, o, depth, $"option {o.Name} = {o.Value}");
                break;
            default:
                throw new InvalidOperationException(e.GetType().Name);
        }
    }

    private static void Children(StringBuilder sb, IEnumerable<ProtoElement> body, int depth)
    {
        foreach (var child in body)
        {
            Any(sb, child, depth + 1);
        }
    }
}
