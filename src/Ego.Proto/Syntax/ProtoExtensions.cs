namespace Ego.Proto.Syntax;

/// <summary><c>extensions 100 to 199 [options];</c></summary>
public sealed class ProtoExtensions : ProtoElement
{
    public required IReadOnlyList<ProtoRange> Ranges { get; init; }

    public IReadOnlyList<ProtoOption> Options { get; init; } = [];
}
