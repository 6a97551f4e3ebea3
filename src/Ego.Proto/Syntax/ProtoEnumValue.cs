namespace Ego.Proto.Syntax;

/// <summary><c>NAME = 1 [options];</c></summary>
public sealed class ProtoEnumValue : ProtoElement
{
    public required string Name { get; init; }

    public required int Number { get; init; }

    public IReadOnlyList<ProtoOption> Options { get; init; } = [];
}
