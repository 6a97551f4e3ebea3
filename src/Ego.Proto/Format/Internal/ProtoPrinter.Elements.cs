using System.Text;
using Ego.Proto.Syntax;

namespace Ego.Proto.Format.Internal;

internal sealed partial class ProtoPrinter
{
    private void WriteElement(ProtoElement element, int depth, bool allowBlankLine)
    {
        switch (element)
        {
            case ProtoSyntaxDeclaration s:
                WriteStatement(s, depth, false, $"{s.Keyword} = {Quote(s.Value)}");
                break;
            case ProtoPackage p:
                WriteStatement(p, depth, false, $"package {p.Name}");
                break;
            case ProtoImport i:
                var modifier = i.Modifier == ImportModifier.None ? "" : i.Modifier.ToString().ToLowerInvariant() + " ";
                WriteStatement(i, depth, false, $"import {modifier}{Quote(i.Path)}");
                break;
            case ProtoOption o:
                var value = new StringBuilder();
                ValueWriter.Block(value, o.Value, Indent(depth));
                WriteStatement(o, depth, allowBlankLine, $"option {o.Name} = {value}");
                break;
            case ProtoField f:
                WriteStatement(f, depth, allowBlankLine, FieldText(f));
                break;
            case ProtoEnumValue v:
                WriteStatement(v, depth, allowBlankLine, $"{v.Name} = {v.Number}{ValueWriter.OptionList(v.Options)}");
                break;
            case ProtoReserved r:
                var items = r.Ranges.Select(x => x.ToString()).Concat(r.Names.Select(n => r.NamesAreIdentifiers ? n : Quote(n)));
                WriteStatement(r, depth, allowBlankLine, "reserved " + string.Join(", ", items));
                break;
            case ProtoExtensions e:
                WriteStatement(e, depth, allowBlankLine, "extensions " + string.Join(", ", e.Ranges) + ValueWriter.OptionList(e.Options));
                break;
            case ProtoMessage m:
                WriteBlock(m, depth, allowBlankLine, $"message {m.Name}", m.Body);
                break;
            case ProtoEnum en:
                WriteBlock(en, depth, allowBlankLine, $"enum {en.Name}", en.Body);
                break;
            case ProtoOneof of:
                WriteBlock(of, depth, allowBlankLine, $"oneof {of.Name}", of.Body);
                break;
            case ProtoService sv:
                WriteBlock(sv, depth, allowBlankLine, $"service {sv.Name}", sv.Body);
                break;
            case ProtoExtend ex:
                WriteBlock(ex, depth, allowBlankLine, $"extend {ex.Extendee}", ex.Fields);
                break;
            case ProtoRpc rpc:
                WriteRpc(rpc, depth, allowBlankLine);
                break;
            default:
                throw new InvalidOperationException($"Unknown element {element.GetType().Name}.");
        }
    }

    private void WriteRpc(ProtoRpc rpc, int depth, bool allowBlankLine)
    {
        var header = $"rpc {rpc.Name}({(rpc.RequestStream ? "stream " : "")}{rpc.RequestType}) returns ({(rpc.ResponseStream ? "stream " : "")}{rpc.ResponseType})";
        if (!rpc.HasBody)
        {
            WriteStatement(rpc, depth, allowBlankLine, header);
            return;
        }

        WriteBlock(rpc, depth, allowBlankLine, header, rpc.Options);
    }

    private static string FieldText(ProtoField f)
    {
        var label = f.Label == FieldLabel.None ? "" : f.Label.ToString().ToLowerInvariant() + " ";
        return $"{label}{f.DisplayType} {f.Name} = {f.Number}{ValueWriter.OptionList(f.Options)}";
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
