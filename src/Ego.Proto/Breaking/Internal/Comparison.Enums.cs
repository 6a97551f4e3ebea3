using Ego.Proto.Syntax;

namespace Ego.Proto.Breaking.Internal;

internal sealed partial class Comparison
{
    private void CompareEnums()
    {
        foreach (var (name, old) in _before.Enums)
        {
            if (!_after.Enums.TryGetValue(name, out var now))
            {
                Report(old.File, old.Element, BreakingRules.EnumRemoved, $"enum \"{name}\" was removed");
                continue;
            }

            CompareValues(old, now);
        }
    }

    private void CompareValues(Located<ProtoEnum> old, Located<ProtoEnum> now)
    {
        var newByNumber = now.Element.Values.GroupBy(v => v.Number).ToDictionary(g => g.Key, g => g.ToList());
        var oldNumbers = old.Element.Values.Select(v => v.Number).ToHashSet();
        var where = $"enum \"{now.FullName}\"";
        foreach (var group in old.Element.Values.GroupBy(v => v.Number))
        {
            var value = group.First();
            if (!newByNumber.TryGetValue(group.Key, out var matches))
            {
                if (!IsReserved(now.Element.Reserved, group.Key))
                {
                    Report(old.File, value, BreakingRules.EnumValueRemoved,
                        $"enum value {group.Key} \"{value.Name}\" on {where} was removed (reserve its number and name instead)");
                }

                continue;
            }

            var lost = group.FirstOrDefault(v => !matches.Any(m => m.Name == v.Name));
            if (lost is not null)
            {
                Report(now.File, matches[0], BreakingRules.EnumValueNameChanged,
                    $"enum value {group.Key} on {where} changed name from \"{lost.Name}\" to \"{matches[0].Name}\"");
            }
        }

        foreach (var value in now.Element.Values.Where(v => !oldNumbers.Contains(v.Number)))
        {
            if (IsReserved(old.Element.Reserved, value.Number))
            {
                Report(now.File, value, BreakingRules.ReservedNumberReused,
                    $"enum value \"{value.Name}\" on {where} uses number {value.Number}, which was reserved");
            }

            if (IsReservedName(old.Element.Reserved, value.Name))
            {
                Report(now.File, value, BreakingRules.ReservedNameReused, $"enum value \"{value.Name}\" on {where} uses a name that was reserved");
            }
        }
    }
}
