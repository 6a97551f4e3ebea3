namespace Ego.Proto.Syntax;

/// <summary><c>import [weak|public] "path";</c></summary>
public sealed class ProtoImport : ProtoElement
{
    public required string Path { get; init; }

    public ImportModifier Modifier { get; init; }
}
