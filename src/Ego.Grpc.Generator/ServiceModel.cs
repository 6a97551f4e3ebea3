namespace Ego.Grpc.Generator;

/// <summary>One service of a proto file, resolved to C# names.</summary>
internal sealed record ServiceModel(
    string FullName,
    string ClassName,
    string DescriptorExpression,
    IReadOnlyList<MarshallerModel> Marshallers,
    IReadOnlyList<RpcModel> Rpcs,
    string? Comment,
    bool Deprecated)
{
    public string BaseClassName => ClassName + "Base";

    public string ClientClassName => ClassName + "Client";
}
