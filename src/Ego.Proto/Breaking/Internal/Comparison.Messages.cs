using Ego.Proto.Syntax;

namespace Ego.Proto.Breaking.Internal;

internal sealed partial class Comparison
{
    private void CompareMessages()
    {
        foreach (var (name, old) in _before.Messages)
        {
            if (!_after.Messages.TryGetValue(name, out var now))
            {
                Report(old.File, old.Element, BreakingRules.MessageRemoved, $"message \"{name}\" was removed");
                continue;
            }

            CompareFields(old, now);
        }
    }

    private void CompareFields(Located<ProtoMessage> old, Located<ProtoMessage> now)
    {
        var oldFields = old.Element.AllFields().GroupBy(f => f.Field.Number).ToDictionary(g => g.Key, g => g.First());
        var newFields = now.Element.AllFields().GroupBy(f => f.Field.Number).ToDictionary(g => g.Key, g => g.First());
        var newByName = now.Element.AllFields().GroupBy(f => f.Field.Name).ToDictionary(g => g.Key, g => g.First().Field, StringComparer.Ordinal);
        var where = $"message \"{now.FullName}\"";
        foreach (var (number, (field, oneof)) in oldFields)
        {
            if (!newFields.TryGetValue(number, out var match))
            {
                if (newByName.TryGetValue(field.Name, out var moved))
                {
                    Report(now.File, moved, BreakingRules.FieldNumberChanged,
                        $"field \"{field.Name}\" on {where} changed number from {number} to {moved.Number}");
                }
                else if (!IsReserved(now.Element.Reserved, number))
                {
                    Report(old.File, field, BreakingRules.FieldRemoved,
                        $"field {number} \"{field.Name}\" on {where} was removed (reserve its number and name instead)");
                }

                continue;
            }

            CompareField(old, now, field, oneof, match.Field, match.Oneof, where);
        }

        foreach (var (field, _) in now.Element.AllFields().Where(f => !oldFields.ContainsKey(f.Field.Number)))
        {
            if (IsReserved(old.Element.Reserved, field.Number))
            {
                Report(now.File, field, BreakingRules.ReservedNumberReused,
                    $"field \"{field.Name}\" on {where} uses number {field.Number}, which was reserved");
            }

            if (IsReservedName(old.Element.Reserved, field.Name))
            {
                Report(now.File, field, BreakingRules.ReservedNameReused,
                    $"field \"{field.Name}\" on {where} uses a name that was reserved");
            }
        }
    }

    private void CompareField(
        Located<ProtoMessage> old, Located<ProtoMessage> now, ProtoField a, ProtoOneof? aOneof, ProtoField b, ProtoOneof? bOneof, string where)
    {
        var field = $"field {b.Number} \"{b.Name}\" on {where}";
        if (a.Name != b.Name)
        {
            Report(now.File, b, BreakingRules.FieldNameChanged, $"field {b.Number} on {where} changed name from \"{a.Name}\" to \"{b.Name}\"");
        }

        var oldType = TypeOf(a, _before, old.FullName);
        var newType = TypeOf(b, _after, now.FullName);
        if (oldType != newType)
        {
            Report(now.File, b, BreakingRules.FieldTypeChanged, $"{field} changed type from \"{oldType}\" to \"{newType}\"");
        }

        if (Cardinality(a) != Cardinality(b))
        {
            Report(now.File, b, BreakingRules.FieldCardinalityChanged, $"{field} changed from {Cardinality(a)} to {Cardinality(b)}");
        }

        if (aOneof?.Name != bOneof?.Name)
        {
            Report(now.File, b, BreakingRules.FieldOneofChanged,
                $"{field} moved from {OneofText(aOneof)} to {OneofText(bOneof)}");
        }

        var oldJson = a.JsonName ?? JsonName(a.Name);
        var newJson = b.JsonName ?? JsonName(b.Name);
        if (oldJson != newJson && (a.Name == b.Name || a.JsonName is not null || b.JsonName is not null))
        {
            Report(now.File, b, BreakingRules.FieldJsonNameChanged, $"{field} changed JSON name from \"{oldJson}\" to \"{newJson}\"");
        }
    }

    private static string OneofText(ProtoOneof? oneof) => oneof is null ? "no oneof" : $"oneof \"{oneof.Name}\"";

    private static string TypeOf(ProtoField field, SymbolTable table, string scope) =>
        field.IsMap ? $"map<{field.MapKeyType}, {table.Resolve(field.Type, scope)}>" : table.Resolve(field.Type, scope);

    private static string Cardinality(ProtoField field) => field switch
    {
        { IsMap: true } => "map",
        { Label: FieldLabel.Repeated } => "repeated",
        { Label: FieldLabel.Optional } => "optional",
        { Label: FieldLabel.Required } => "required",
        _ => "singular",
    };

    /// <summary>protoc's default JSON name: lowerCamelCase of the field name.</summary>
    private static string JsonName(string name)
    {
        var chars = new List<char>(name.Length);
        var upper = false;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            chars.Add(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return new string([.. chars]);
    }
}
