using Ego.Proto.Syntax;

namespace Ego.Proto.Lint.Internal;

/// <summary>Case rules for messages, services, rpcs, enums, fields, oneofs and enum values.</summary>
internal static class NamingRules
{
    public static IEnumerable<LintRule> All()
    {
        yield return Case<ProtoMessage>("MESSAGE_PASCAL_CASE", "Message names are PascalCase.", "message", m => m.Name, NameCase.IsPascal, "PascalCase");
        yield return Case<ProtoService>("SERVICE_PASCAL_CASE", "Service names are PascalCase.", "service", s => s.Name, NameCase.IsPascal, "PascalCase");
        yield return Case<ProtoRpc>("RPC_PASCAL_CASE", "RPC names are PascalCase.", "rpc", r => r.Name, NameCase.IsPascal, "PascalCase");
        yield return Case<ProtoEnum>("ENUM_PASCAL_CASE", "Enum names are PascalCase.", "enum", e => e.Name, NameCase.IsPascal, "PascalCase");
        yield return Case<ProtoField>("FIELD_LOWER_SNAKE_CASE", "Field names are lower_snake_case.", "field", f => f.Name, NameCase.IsLowerSnake, "lower_snake_case");
        yield return Case<ProtoOneof>("ONEOF_LOWER_SNAKE_CASE", "Oneof names are lower_snake_case.", "oneof", o => o.Name, NameCase.IsLowerSnake, "lower_snake_case");
        yield return Case<ProtoEnumValue>("ENUM_VALUE_UPPER_SNAKE_CASE", "Enum value names are UPPER_SNAKE_CASE.", "enum value", v => v.Name, NameCase.IsUpperSnake, "UPPER_SNAKE_CASE");
        yield return new LintRule(
            new LintRuleInfo("ENUM_VALUE_PREFIX", "Enum value names start with the enum name in UPPER_SNAKE_CASE and '_' (STATUS_ACTIVE in enum Status).", true),
            EnumValuePrefix);
        yield return new LintRule(
            new LintRuleInfo("ENUM_ZERO_VALUE_SUFFIX", "Every enum has a zero value named <PREFIX><suffix>, by default STATUS_UNSPECIFIED for enum Status.", true),
            EnumZeroValue);
    }

    private static LintRule Case<T>(string id, string description, string kind, Func<T, string> name, Func<string, bool> valid, string style)
        where T : ProtoElement =>
        new(new LintRuleInfo(id, description, true), context =>
            context.All<T>().Where(e => !valid(name(e))).Select(e => (e.NamePosition, $"{kind} name \"{name(e)}\" should be {style}")));

    private static IEnumerable<(SourcePosition, string)> EnumValuePrefix(LintContext context)
    {
        foreach (var walked in context.Elements)
        {
            if (walked is { Element: ProtoEnumValue value, Enum: { } owner })
            {
                var prefix = NameCase.ToUpperSnake(owner.Name) + "_";
                if (!value.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield return (value.NamePosition, $"enum value \"{value.Name}\" should be prefixed with \"{prefix}\"");
                }
            }
        }
    }

    private static IEnumerable<(SourcePosition, string)> EnumZeroValue(LintContext context)
    {
        foreach (var e in context.All<ProtoEnum>())
        {
            var expected = NameCase.ToUpperSnake(e.Name) + context.Options.EnumZeroValueSuffix;
            var zero = e.Values.FirstOrDefault(v => v.Number == 0);
            if (zero is null)
            {
                yield return (e.NamePosition, $"enum \"{e.Name}\" should have a zero value named \"{expected}\"");
            }
            else if (zero.Name != expected)
            {
                yield return (zero.NamePosition, $"enum zero value \"{zero.Name}\" should be named \"{expected}\"");
            }
        }
    }
}
