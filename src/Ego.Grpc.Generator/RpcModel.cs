namespace Ego.Grpc.Generator;

/// <summary>One rpc with every name the emitters need, already resolved.</summary>
internal sealed record RpcModel(
    string ProtoName,
    string Identifier,
    RpcKind Kind,
    string RequestType,
    string ResponseType,
    string RequestMarshaller,
    string ResponseMarshaller,
    string? Comment,
    bool Deprecated)
{
    public string MethodField => "__Method_" + ProtoName;

    public string MethodType => $"global::Ego.Grpc.Method<{RequestType}, {ResponseType}>";
}
