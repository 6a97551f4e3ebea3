namespace Ego.Proto.Syntax;

/// <summary><c>oneof name { ... }</c></summary>
public sealed class ProtoOneof : ProtoElement
{
    public required string Name { get; init; }

    /// <summary>Fields and options in source order.</summary>
    public IReadOnlyList<ProtoElement> Body { get; init; } = [];

    public IEnumerable<ProtoField> Fields => Body.OfType<ProtoField>();

    public IEnumerable<ProtoOption> Options => Body.OfType<ProtoOption>();
}
