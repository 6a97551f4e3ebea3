namespace Ego.Proto.Syntax;

/// <summary><c>rpc Name (stream Req) returns (stream Res) { options }</c></summary>
public sealed class ProtoRpc : ProtoElement
{
    public required string Name { get; init; }

    public required string RequestType { get; init; }

    public bool RequestStream { get; init; }

    public required string ResponseType { get; init; }

    public bool ResponseStream { get; init; }

    /// <summary>Whether the rpc was written with a <c>{ }</c> body instead of <c>;</c>.</summary>
    public bool HasBody { get; init; }

    public IReadOnlyList<ProtoOption> Options { get; init; } = [];
}
