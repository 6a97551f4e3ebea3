namespace Ego.Proto.Syntax;

/// <summary><c>message Name { ... }</c></summary>
public sealed class ProtoMessage : ProtoElement
{
    public required string Name { get; init; }

    /// <summary>Fields, oneofs, nested types, options, reserved, extensions and extends in source order.</summary>
    public IReadOnlyList<ProtoElement> Body { get; init; } = [];

    public IEnumerable<ProtoField> Fields => Body.OfType<ProtoField>();

    public IEnumerable<ProtoOneof> Oneofs => Body.OfType<ProtoOneof>();

    public IEnumerable<ProtoMessage> Messages => Body.OfType<ProtoMessage>();

    public IEnumerable<ProtoEnum> Enums => Body.OfType<ProtoEnum>();

    public IEnumerable<ProtoOption> Options => Body.OfType<ProtoOption>();

    public IEnumerable<ProtoReserved> Reserved => Body.OfType<ProtoReserved>();

    /// <summary>Every field, including those inside oneofs, with the oneof they belong to.</summary>
    public IEnumerable<(ProtoField Field, ProtoOneof? Oneof)> AllFields()
    {
        foreach (var element in Body)
        {
            if (element is ProtoField field)
            {
                yield return (field, null);
            }
            else if (element is ProtoOneof oneof)
            {
                foreach (var f in oneof.Fields)
                {
                    yield return (f, oneof);
                }
            }
        }
    }
}
