using System.Text;
using Ego.Proto.Syntax;

namespace Ego.Proto.Format.Internal;

/// <summary>Prints option values and option lists.</summary>
internal static class ValueWriter
{
    public static string Inline(ProtoOptionValue value) => value.Kind switch
    {
        OptionValueKind.Aggregate => "{" + string.Join(", ", value.Fields.Select(InlineField)) + "}",
        OptionValueKind.List => "[" + string.Join(", ", value.Items.Select(Inline)) + "]",
        _ => value.Text,
    };

    public static string OptionList(IReadOnlyList<ProtoOption> options) =>
        options.Count == 0 ? "" : " [" + string.Join(", ", options.Select(o => $"{o.Name} = {Inline(o.Value)}")) + "]";

    /// <summary>Writes a statement-level value; aggregates span several lines at <paramref name="indent"/>.</summary>
    public static void Block(StringBuilder sb, ProtoOptionValue value, string indent)
    {
        if (value.Kind != OptionValueKind.Aggregate || value.Fields.Count == 0)
        {
            sb.Append(Inline(value));
            return;
        }

        sb.Append("{\n");
        foreach (var field in value.Fields)
        {
            sb.Append(indent).Append("  ").Append(field.Name);
            if (field.Value.Kind == OptionValueKind.Aggregate)
            {
                sb.Append(' ');
                Block(sb, field.Value, indent + "  ");
            }
            else
            {
                sb.Append(": ").Append(Inline(field.Value));
            }

            sb.Append('\n');
        }

        sb.Append(indent).Append('}');
    }

    private static string InlineField(ProtoAggregateField field) =>
        field.Value.Kind == OptionValueKind.Aggregate ? $"{field.Name} {Inline(field.Value)}" : $"{field.Name}: {Inline(field.Value)}";
}
