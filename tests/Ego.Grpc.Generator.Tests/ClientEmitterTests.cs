using Ego.Grpc.Generator.Tests.Infrastructure;

namespace Ego.Grpc.Generator.Tests;

public sealed class ClientEmitterTests
{
    private const string CallArguments = "global::Ego.Grpc.Metadata? headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default";
    private static readonly string Text = Generated.File("catalog_service.proto");

    [Fact]
    public void Emit_Client_DerivesFromClientBaseWithConstructors()
    {
        Assert.Contains("public partial class CatalogClient : global::Ego.Grpc.ClientBase<CatalogClient>", Text);
        Assert.Contains("public CatalogClient(global::Ego.Grpc.ChannelBase channel) : base(channel) { }", Text);
        Assert.Contains("public CatalogClient(global::Ego.Grpc.CallInvoker callInvoker) : base(callInvoker) { }", Text);
        Assert.Contains("protected override CatalogClient NewInstance(global::Ego.Grpc.ClientBase.ClientBaseConfiguration configuration) => new CatalogClient(configuration);", Text);
    }

    [Fact]
    public void Emit_UnaryRpc_HasBlockingAndAsyncOverloads()
    {
        Assert.Contains($"public virtual global::Acme.Catalog.V1.Item GetItem(global::Acme.Catalog.V1.ItemRequest request, {CallArguments})", Text);
        Assert.Contains("public virtual global::Acme.Catalog.V1.Item GetItem(global::Acme.Catalog.V1.ItemRequest request, global::Ego.Grpc.CallOptions options)\n      {\n        return CallInvoker.BlockingUnaryCall(__Method_GetItem, null, options, request);", Text);
        Assert.Contains($"public virtual global::Ego.Grpc.AsyncUnaryCall<global::Acme.Catalog.V1.Item> GetItemAsync(global::Acme.Catalog.V1.ItemRequest request, {CallArguments})", Text);
        Assert.Contains("return CallInvoker.AsyncUnaryCall(__Method_GetItem, null, options, request);", Text);
    }

    [Theory]
    [InlineData("global::Ego.Grpc.AsyncServerStreamingCall<global::Acme.Shared.Models.Money> WatchPrices(global::Acme.Catalog.V1.ItemRequest request, ", "AsyncServerStreamingCall(__Method_WatchPrices, null, options, request)")]
    [InlineData("global::Ego.Grpc.AsyncClientStreamingCall<global::Acme.Catalog.V1.Item, global::Google.Protobuf.WellKnownTypes.Empty> UploadItems(", "AsyncClientStreamingCall(__Method_UploadItems, null, options)")]
    [InlineData("global::Ego.Grpc.AsyncDuplexStreamingCall<global::Acme.Catalog.V1.Item.Types.Variant, global::Google.Protobuf.WellKnownTypes.Timestamp> Sync(", "AsyncDuplexStreamingCall(__Method_Sync, null, options)")]
    public void Emit_StreamingRpc_HasOnlyAsyncCallOverloads(string declaration, string invocation)
    {
        Assert.Contains($"public virtual {declaration}{CallArguments})", Text);
        Assert.Contains($"public virtual {declaration}global::Ego.Grpc.CallOptions options)", Text);
        Assert.Contains($"return CallInvoker.{invocation};", Text);
    }

    [Theory]
    [InlineData("WatchPricesAsync")]
    [InlineData("UploadItemsAsync")]
    [InlineData("SyncAsync")]
    public void Emit_StreamingRpc_HasNoAsyncSuffixedMethod(string name)
        => Assert.DoesNotContain(name, Text);

    [Fact]
    public void Emit_DeprecatedRpc_MarksEveryClientOverloadObsolete()
    {
        var lines = Text.Split('\n');
        var clientStart = Array.FindIndex(lines, l => l.Contains("class CatalogClient"));
        var legacyOverloads = Enumerable.Range(clientStart, lines.Length - clientStart)
            .Where(i => lines[i].Contains(" Legacy(") || lines[i].Contains(" LegacyAsync("))
            .Where(i => lines[i].TrimStart().StartsWith("public virtual", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(4, legacyOverloads.Count);
        Assert.All(legacyOverloads, i => Assert.Equal("[global::System.Obsolete]", lines[i - 1].Trim()));
    }
}
