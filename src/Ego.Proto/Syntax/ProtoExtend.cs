namespace Ego.Proto.Syntax;

/// <summary><c>extend Type { fields }</c></summary>
public sealed class ProtoExtend : ProtoElement
{
    public required string Extendee { get; init; }

    public IReadOnlyList<ProtoField> Fields { get; init; } = [];
}
