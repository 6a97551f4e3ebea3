using Ego.Grpc.Generator.Tests.Infrastructure;

namespace Ego.Grpc.Generator.Tests;

public sealed class ServiceEmitterTests
{
    private static readonly string Text = Generated.File("catalog_service.proto");

    [Fact]
    public void Emit_Service_DeclaresServiceNameAndDescriptor()
    {
        Assert.Contains("public static partial class Catalog\n", Text);
        Assert.Contains("static readonly string __ServiceName = \"acme.catalog.v1.Catalog\";", Text);
        Assert.Contains(
            "public static global::Google.Protobuf.Reflection.ServiceDescriptor Descriptor => global::Acme.Catalog.V1.CatalogServiceReflection.Descriptor.Services[0];",
            Text);
        Assert.Contains("Descriptor => global::Acme.Catalog.V1.CatalogServiceReflection.Descriptor.Services[1];", Text);
    }

    [Theory]
    [InlineData("__Marshaller_acme_catalog_v1_ItemRequest", "global::Acme.Catalog.V1.ItemRequest")]
    [InlineData("__Marshaller_acme_catalog_v1_Item_Variant", "global::Acme.Catalog.V1.Item.Types.Variant")]
    [InlineData("__Marshaller_acme_common_Money", "global::Acme.Shared.Models.Money")]
    [InlineData("__Marshaller_google_protobuf_Empty", "global::Google.Protobuf.WellKnownTypes.Empty")]
    [InlineData("__Marshaller_google_protobuf_Timestamp", "global::Google.Protobuf.WellKnownTypes.Timestamp")]
    public void Emit_MessageType_GetsOneProtobufMarshaller(string field, string type)
    {
        var declaration = $"static readonly global::Ego.Grpc.Marshaller<{type}> {field} = global::Ego.Grpc.Marshallers.ForProtobuf({type}.Parser);";
        var catalog = Text[..Text.IndexOf("class Archive", StringComparison.Ordinal)];

        Assert.Single(catalog.Split('\n'), line => line.Trim() == declaration);
    }

    [Theory]
    [InlineData("GetItem", "Unary", "global::Acme.Catalog.V1.ItemRequest", "global::Acme.Catalog.V1.Item")]
    [InlineData("WatchPrices", "ServerStreaming", "global::Acme.Catalog.V1.ItemRequest", "global::Acme.Shared.Models.Money")]
    [InlineData("UploadItems", "ClientStreaming", "global::Acme.Catalog.V1.Item", "global::Google.Protobuf.WellKnownTypes.Empty")]
    [InlineData("Sync", "DuplexStreaming", "global::Acme.Catalog.V1.Item.Types.Variant", "global::Google.Protobuf.WellKnownTypes.Timestamp")]
    public void Emit_Rpc_DeclaresMethodWithKindFromStreamingFlags(string rpc, string kind, string request, string response)
    {
        var type = $"global::Ego.Grpc.Method<{request}, {response}>";

        Assert.Contains($"static readonly {type} __Method_{rpc} = new {type}(\n        global::Ego.Grpc.MethodType.{kind},\n        __ServiceName,\n        \"{rpc}\",", Text);
    }

    [Fact]
    public void Emit_ServiceComment_BecomesEscapedXmlSummary()
        => Assert.Contains(
            "  /// <summary>\n  /// Browses the catalog.\n  /// Prices use &lt;Money&gt; &amp; friends.\n  /// </summary>\n  public static partial class Catalog\n",
            Text);

    [Fact]
    public void Emit_DeprecatedService_IsObsolete()
        => Assert.Contains("  [global::System.Obsolete]\n  public static partial class Archive\n", Text);

    [Fact]
    public void Emit_Server_BindsEveryRpcBothWays()
    {
        Assert.Contains("public static global::Ego.Grpc.ServerServiceDefinition BindService(CatalogBase serviceImpl)", Text);
        Assert.Contains(".AddMethod(__Method_Sync, serviceImpl.Sync)", Text);
        Assert.Contains("public static void BindService(global::Ego.Grpc.ServiceBinderBase serviceBinder, CatalogBase? serviceImpl)", Text);
        Assert.Contains(
            "serviceBinder.AddMethod(__Method_UploadItems, serviceImpl == null ? null : new global::Ego.Grpc.ClientStreamingServerMethod<global::Acme.Catalog.V1.Item, global::Google.Protobuf.WellKnownTypes.Empty>(serviceImpl.UploadItems));",
            Text);
    }

    [Fact]
    public void Emit_NoServer_OmitsBaseAndBindService()
    {
        var text = Generated.File("catalog_service.proto", "no_server");

        Assert.DoesNotContain("CatalogBase", text);
        Assert.DoesNotContain("BindService", text);
        Assert.Contains("class CatalogClient", text);
        Assert.Contains("__Method_GetItem = new", text);
    }

    [Fact]
    public void Emit_NoClient_OmitsClient()
    {
        var text = Generated.File("catalog_service.proto", "no_client");

        Assert.DoesNotContain("CatalogClient", text);
        Assert.Contains("public abstract partial class CatalogBase", text);
    }

    [Fact]
    public void Emit_InternalAccess_MakesServiceClassInternal()
    {
        var text = Generated.File("catalog_service.proto", "internal_access");

        Assert.Contains("internal static partial class Catalog\n", text);
        Assert.DoesNotContain("public static partial class", text);
    }
}
