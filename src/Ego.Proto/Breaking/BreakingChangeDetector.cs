using Ego.Proto.Breaking.Internal;
using Ego.Proto.Syntax;

namespace Ego.Proto.Breaking;

/// <summary>
/// Finds wire- and JSON-incompatible changes between two versions of a set of .proto files, matched by
/// package and name. Findings point into the new files, or into the old ones for removals.
/// </summary>
public static class BreakingChangeDetector
{
    /// <summary>Every kind of change reported.</summary>
    public static IReadOnlyList<BreakingRuleInfo> Rules { get; } =
    [
        new(BreakingRules.PackageChanged, "A file's package changed."),
        new(BreakingRules.MessageRemoved, "A message was removed or renamed."),
        new(BreakingRules.FieldRemoved, "A field was removed without reserving its number."),
        new(BreakingRules.FieldNameChanged, "A field number now has another name."),
        new(BreakingRules.FieldNumberChanged, "A field name now has another number."),
        new(BreakingRules.FieldTypeChanged, "A field's type changed."),
        new(BreakingRules.FieldCardinalityChanged, "A field changed between singular, optional, required, repeated and map."),
        new(BreakingRules.FieldOneofChanged, "A field moved into, out of or between oneofs."),
        new(BreakingRules.FieldJsonNameChanged, "A field's JSON name changed."),
        new(BreakingRules.EnumRemoved, "An enum was removed or renamed."),
        new(BreakingRules.EnumValueRemoved, "An enum value was removed without reserving its number."),
        new(BreakingRules.EnumValueNameChanged, "An enum value number now has another name."),
        new(BreakingRules.ServiceRemoved, "A service was removed or renamed."),
        new(BreakingRules.RpcRemoved, "An rpc was removed or renamed."),
        new(BreakingRules.RpcRequestTypeChanged, "An rpc's request type changed."),
        new(BreakingRules.RpcResponseTypeChanged, "An rpc's response type changed."),
        new(BreakingRules.RpcClientStreamingChanged, "An rpc's request became or stopped being a stream."),
        new(BreakingRules.RpcServerStreamingChanged, "An rpc's response became or stopped being a stream."),
        new(BreakingRules.ReservedNumberReused, "A field or enum value uses a number that was reserved."),
        new(BreakingRules.ReservedNameReused, "A field or enum value uses a name that was reserved."),
    ];

    /// <summary>Compares <paramref name="before"/> (e.g. the main branch) with <paramref name="after"/> (the change).</summary>
    public static IReadOnlyList<ProtoDiagnostic> Compare(IReadOnlyList<ProtoFile> before, IReadOnlyList<ProtoFile> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return new Comparison(before, after).Run()
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Position.Line)
            .ThenBy(d => d.Position.Column)
            .ThenBy(d => d.RuleId, StringComparer.Ordinal)
            .ToList();
    }
}
