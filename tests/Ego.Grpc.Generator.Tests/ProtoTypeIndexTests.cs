using Ego.Grpc.Generator.Tests.Infrastructure;

namespace Ego.Grpc.Generator.Tests;

public sealed class ProtoTypeIndexTests
{
    private static readonly ProtoTypeIndex Index = new(Protoc.Request("", "catalog_service.proto", "keywords.proto", "no_package.proto").ProtoFile);

    [Theory]
    [InlineData(".acme.catalog.v1.Item", "global::Acme.Catalog.V1.Item")]
    [InlineData(".acme.catalog.v1.Item.Variant", "global::Acme.Catalog.V1.Item.Types.Variant")]
    [InlineData(".acme.common.Money", "global::Acme.Shared.Models.Money")]
    [InlineData(".google.protobuf.Empty", "global::Google.Protobuf.WellKnownTypes.Empty")]
    [InlineData(".google.protobuf.Timestamp", "global::Google.Protobuf.WellKnownTypes.Timestamp")]
    [InlineData(".foo_bar.v1.object.string", "global::FooBar.V1.@object.Types.@string")]
    [InlineData(".Ping", "global::Ping")]
    public void Resolve_MessageFromRealDescriptors_IsNamedLikeProtocCSharpOutput(string protoName, string expected)
        => Assert.Equal(expected, Index.Resolve(protoName, "test"));

    [Fact]
    public void Resolve_UndeclaredType_ThrowsNamingTypeAndUser()
    {
        var ex = Assert.Throws<GeneratorException>(() => Index.Resolve(".acme.Missing", "rpc acme.S.M"));

        Assert.Equal("rpc acme.S.M: message type '.acme.Missing' is not declared in any file of the request.", ex.Message);
    }
}
