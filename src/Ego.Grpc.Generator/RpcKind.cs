namespace Ego.Grpc.Generator;

/// <summary>The four call shapes; member names match <c>Ego.Grpc.MethodType</c>.</summary>
internal enum RpcKind
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}
