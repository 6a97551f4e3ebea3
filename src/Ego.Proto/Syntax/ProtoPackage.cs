namespace Ego.Proto.Syntax;

/// <summary><c>package a.b.v1;</c></summary>
public sealed class ProtoPackage : ProtoElement
{
    public required string Name { get; init; }
}
