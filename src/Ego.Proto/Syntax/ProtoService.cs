namespace Ego.Proto.Syntax;

/// <summary><c>service Name { ... }</c></summary>
public sealed class ProtoService : ProtoElement
{
    public required string Name { get; init; }

    /// <summary>Rpcs and options in source order.</summary>
    public IReadOnlyList<ProtoElement> Body { get; init; } = [];

    public IEnumerable<ProtoRpc> Rpcs => Body.OfType<ProtoRpc>();

    public IEnumerable<ProtoOption> Options => Body.OfType<ProtoOption>();
}
