using Ego.Cli.Gen;
using Ego.Proto;
using Ego.Proto.Syntax;

namespace Ego.Cli.Tests.Gen;

public sealed class ProtoCSharpNamesTests
{
    private static readonly IReadOnlyList<ProtoFile> Files = ProtoSet.Parse(
    [
        new("order_api/v1beta1/order.proto", "syntax = \"proto3\";\npackage order_api.v1beta1;\nmessage Order { message Line {} }\n"),
        new("shop/v1/shop.proto", "syntax = \"proto3\";\npackage shop.v1;\noption csharp_namespace = \"Shop.Api\";\nmessage Cart {}\n"),
    ]).Files;

    [Fact]
    public void Namespace_Package_PascalCasedAsProtocDoes() => Assert.Equal("OrderApi.V1Beta1", ProtoCSharpNames.Namespace(Files[0]));

    [Fact]
    public void Namespace_CsharpNamespaceOption_Wins() => Assert.Equal("Shop.Api", ProtoCSharpNames.Namespace(Files[1]));

    [Theory]
    [InlineData("Order", "Order")]
    [InlineData("Order.Line", "Order.Types.Line")]
    [InlineData(".order_api.v1beta1.Order", "Order")]
    [InlineData("google.protobuf.Empty", "Google.Protobuf.WellKnownTypes.Empty")]
    [InlineData("shop.v1.Cart", "global::Shop.Api.Cart")]
    public void Type_ProtoType_IsTheCSharpTypeSeenFromTheFile(string protoType, string expected)
        => Assert.Equal(expected, ProtoCSharpNames.Type(protoType, Files[0], Files));
}
