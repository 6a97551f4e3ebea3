namespace Ego.Proto.Syntax;

/// <summary><c>enum Name { ... }</c></summary>
public sealed class ProtoEnum : ProtoElement
{
    public required string Name { get; init; }

    /// <summary>Values, options and reserved statements in source order.</summary>
    public IReadOnlyList<ProtoElement> Body { get; init; } = [];

    public IEnumerable<ProtoEnumValue> Values => Body.OfType<ProtoEnumValue>();

    public IEnumerable<ProtoOption> Options => Body.OfType<ProtoOption>();

    public IEnumerable<ProtoReserved> Reserved => Body.OfType<ProtoReserved>();
}
