using Ego.CodegenTest.Modes;

namespace Ego.Grpc.Generator.Tests.GeneratedCode;

/// <summary>The GrpcServices item metadata of Protos/Modes/*.proto decides what protoc-gen-ego emits.</summary>
public sealed class GrpcServicesModeTests
{
    [Fact]
    public void ClientMode_HasClientOnly()
    {
        Assert.NotNull(typeof(ClientOnly).GetNestedType("ClientOnlyClient"));
        Assert.Null(typeof(ClientOnly).GetNestedType("ClientOnlyBase"));
        Assert.Null(typeof(ClientOnly).GetMethod("BindService"));
    }

    [Fact]
    public void ServerMode_HasBaseAndBindServiceOnly()
    {
        Assert.NotNull(typeof(ServerOnly).GetNestedType("ServerOnlyBase"));
        Assert.NotNull(typeof(ServerOnly).GetMethod("BindService", [typeof(ServiceBinderBase), typeof(ServerOnly.ServerOnlyBase)]));
        Assert.Null(typeof(ServerOnly).GetNestedType("ServerOnlyClient"));
    }

    [Fact]
    public void NoneMode_HasMessagesButNoServiceClass()
    {
        Assert.Equal("NoneMessage", NoneMessage.Descriptor.Name);
        Assert.Null(typeof(NoneMessage).Assembly.GetType("Ego.CodegenTest.Modes.NoneOnly"));
    }
}
