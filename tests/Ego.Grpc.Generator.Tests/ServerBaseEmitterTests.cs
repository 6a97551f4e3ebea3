using Ego.Grpc.Generator.Tests.Infrastructure;

namespace Ego.Grpc.Generator.Tests;

public sealed class ServerBaseEmitterTests
{
    private static readonly string Text = Generated.File("catalog_service.proto");

    [Fact]
    public void Emit_Base_IsBoundThroughAttribute()
        => Assert.Contains(
            "    [global::Ego.Grpc.BindServiceMethod(typeof(Catalog), \"BindService\")]\n    public abstract partial class CatalogBase\n",
            Text);

    [Theory]
    [InlineData("global::System.Threading.Tasks.Task<global::Acme.Catalog.V1.Item> GetItem(global::Acme.Catalog.V1.ItemRequest request, global::Ego.Grpc.ServerCallContext context)")]
    [InlineData("global::System.Threading.Tasks.Task WatchPrices(global::Acme.Catalog.V1.ItemRequest request, global::Ego.Grpc.IServerStreamWriter<global::Acme.Shared.Models.Money> responseStream, global::Ego.Grpc.ServerCallContext context)")]
    [InlineData("global::System.Threading.Tasks.Task<global::Google.Protobuf.WellKnownTypes.Empty> UploadItems(global::Ego.Grpc.IAsyncStreamReader<global::Acme.Catalog.V1.Item> requestStream, global::Ego.Grpc.ServerCallContext context)")]
    [InlineData("global::System.Threading.Tasks.Task Sync(global::Ego.Grpc.IAsyncStreamReader<global::Acme.Catalog.V1.Item.Types.Variant> requestStream, global::Ego.Grpc.IServerStreamWriter<global::Google.Protobuf.WellKnownTypes.Timestamp> responseStream, global::Ego.Grpc.ServerCallContext context)")]
    public void Emit_Rpc_DeclaresVirtualHandlerThatIsUnimplemented(string signature)
        => Assert.Contains(
            $"public virtual {signature}\n      {{\n        throw new global::Ego.Grpc.RpcException(new global::Ego.Grpc.Status(global::Ego.Grpc.StatusCode.Unimplemented, \"\"));",
            Text);

    [Fact]
    public void Emit_RpcComment_BecomesSummary()
        => Assert.Contains("      /// <summary>\n      /// Looks up one item.\n      /// </summary>\n      public virtual global::System.Threading.Tasks.Task<global::Acme.Catalog.V1.Item> GetItem(", Text);

    [Fact]
    public void Emit_DeprecatedRpc_IsObsolete()
        => Assert.Contains("      [global::System.Obsolete]\n      public virtual global::System.Threading.Tasks.Task<global::Google.Protobuf.WellKnownTypes.Empty> Legacy(", Text);
}
