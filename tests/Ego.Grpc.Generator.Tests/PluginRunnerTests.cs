using Ego.Grpc.Generator.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.Compiler;

namespace Ego.Grpc.Generator.Tests;

public sealed class PluginRunnerTests
{
    [Fact]
    public void Generate_FileWithServices_EmitsOneFileNamedLikeGrpcCsharpPlugin()
    {
        var response = Generated.Response("catalog_service.proto");

        Assert.False(response.HasError, response.Error);
        Assert.Equal("CatalogServiceGrpc.cs", Assert.Single(response.File).Name);
    }

    [Fact]
    public void Generate_FileWithoutServices_EmitsNoFile()
    {
        var response = Generated.Response("messages_only.proto");

        Assert.False(response.HasError, response.Error);
        Assert.Empty(response.File);
    }

    [Theory]
    [InlineData("")]
    [InlineData("unknown_flag")]
    public void Generate_AnyRequest_DeclaresProto3OptionalAndEditionsSupport(string parameter)
    {
        var response = Generated.Response("catalog_service.proto", parameter);

        Assert.Equal(
            (ulong)(CodeGeneratorResponse.Types.Feature.Proto3Optional | CodeGeneratorResponse.Types.Feature.SupportsEditions),
            response.SupportedFeatures);
    }

    [Fact]
    public void Generate_UnknownParameter_ReturnsErrorNamingIt()
    {
        var response = Generated.Response("catalog_service.proto", "no_client,no_clients");

        Assert.Contains("Unknown parameter 'no_clients'", response.Error);
        Assert.Empty(response.File);
    }

    [Fact]
    public void Generate_FileToGenerateWithoutDescriptor_ReturnsErrorNamingFile()
    {
        var request = Protoc.Request("", "catalog_service.proto");
        request.FileToGenerate.Add("missing.proto");

        var response = PluginRunner.Generate(request);

        Assert.Equal("'missing.proto' is listed in file_to_generate but its descriptor is missing from proto_file.", response.Error);
    }

    [Fact]
    public void Generate_ImportedFileMissing_ReturnsErrorNamingRpcAndType()
    {
        var request = Protoc.Request("", "catalog_service.proto");
        request.ProtoFile.Remove(request.ProtoFile.Single(f => f.Name == "common/types.proto"));

        var response = PluginRunner.Generate(request);

        Assert.Equal(
            "catalog_service.proto: rpc acme.catalog.v1.Catalog.WatchPrices: message type '.acme.common.Money' is not declared in any file of the request.",
            response.Error);
    }

    [Fact]
    public void Generate_RpcNamedLikeAsyncVariant_ReturnsClashError()
    {
        var response = Generated.Response("async_clash.proto");

        Assert.Contains("service acme.clash.Clash has rpcs 'Call' and 'CallAsync'", response.Error);
    }

    [Fact]
    public void Generate_MarkedFileWithoutServices_EmitsGrpcFileWithErrors()
    {
        var response = Generated.Response("errors/account_errors.proto");

        Assert.False(response.HasError, response.Error);
        var file = Assert.Single(response.File);
        Assert.Equal("AccountErrorsGrpc.cs", file.Name);
        Assert.Contains("public static partial class AccountErrors", file.Content);
    }

    [Fact]
    public void Generate_NoErrorsParameter_SkipsErrorOnlyFile()
    {
        var response = Generated.Response("errors/account_errors.proto", "no_errors");

        Assert.False(response.HasError, response.Error);
        Assert.Empty(response.File);
    }

    [Fact]
    public void Generate_NoErrorsParameter_IgnoresBadAnnotations()
        => Assert.False(Generated.Response("errors/bad_errors.proto", "no_errors").HasError);

    [Fact]
    public void Generate_UnmarkedFileWithCodeAnnotations_EmitsNoFile()
    {
        var response = Generated.Response("errors/unmarked_errors.proto");

        Assert.False(response.HasError, response.Error);
        Assert.Empty(response.File);
    }

    [Fact]
    public void Generate_BadAnnotations_ReturnsEveryProblemAndNoFile()
    {
        var response = Generated.Response("errors/bad_errors.proto");

        Assert.Equal(3, response.Error.Split(Environment.NewLine).Length);
        Assert.Contains("errors/bad_errors.proto:8:3: enum value acme.bad.v1.BAD_ERR_UNKNOWN_CODE: unknown gRPC code '@code=NOTFOUND'", response.Error);
        Assert.Empty(response.File);
    }

    [Fact]
    public void Generate_SameReasonInTwoFiles_ReturnsErrorNamingBothPositions()
    {
        var request = Protoc.Request("", "errors/account_errors.proto");
        var copy = request.ProtoFile.Single(f => f.Name == "errors/account_errors.proto").Clone();
        copy.Name = "errors/account_copy.proto";
        request.ProtoFile.Add(copy);
        request.FileToGenerate.Add(copy.Name);

        var response = PluginRunner.Generate(request);

        Assert.Contains(
            "errors/account_copy.proto:16:3: reason 'acme.account.v1.ACCOUNT_ERR_NOT_FOUND' is already declared at errors/account_errors.proto:16:3; expected reasons unique across the request",
            response.Error);
        Assert.Equal(5, response.Error.Split(Environment.NewLine).Length);
        Assert.Empty(response.File);
    }

    [Fact]
    public void Run_EmptyInput_WritesErrorResponse()
    {
        var response = RunWith([]);

        Assert.StartsWith("stdin is empty: protoc-gen-ego is a protoc plugin", response.Error);
    }

    [Fact]
    public void Run_InputThatIsNotARequest_WritesErrorResponse()
    {
        var response = RunWith([0xFF, 0xFF, 0xFF]);

        Assert.StartsWith("stdin is not a valid CodeGeneratorRequest (3 bytes)", response.Error);
    }

    [Fact]
    public void Run_InputThatFailsToRead_WritesErrorResponse()
    {
        using var output = new MemoryStream();

        PluginRunner.Run(new FailingStream(), output);

        Assert.Equal(
            "protoc-gen-ego could not read the request from stdin: pipe closed",
            CodeGeneratorResponse.Parser.ParseFrom(output.ToArray()).Error);
    }

    [Fact]
    public void Run_SerializedRequest_WritesGeneratedFiles()
    {
        var response = RunWith(Protoc.Request("", "catalog_service.proto").ToByteArray());

        Assert.False(response.HasError, response.Error);
        Assert.Contains("public static partial class Catalog", Assert.Single(response.File).Content);
    }

    private static CodeGeneratorResponse RunWith(byte[] input)
    {
        using var output = new MemoryStream();
        PluginRunner.Run(new MemoryStream(input), output);
        return CodeGeneratorResponse.Parser.ParseFrom(output.ToArray());
    }

    private sealed class FailingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("pipe closed");

        public override int Read(Span<byte> buffer) => throw new IOException("pipe closed");
    }

    [Fact]
    public void Generate_SameBusinessCodeInTwoFiles_ReturnsErrorNamingBothPositions()
    {
        var request = Protoc.Request("", "errors/biz_errors.proto");
        var copy = request.ProtoFile.Single(f => f.Name == "errors/biz_errors.proto").Clone();
        copy.Name = "errors/biz_copy.proto";
        copy.Package = "acme.bizcopy.v1";
        request.ProtoFile.Add(copy);
        request.FileToGenerate.Add(copy.Name);

        var response = PluginRunner.Generate(request);

        Assert.Contains(
            "errors/biz_copy.proto:15:3: enum value acme.bizcopy.v1.ORDER_ERR_NOT_FOUND: business code 1010020001 is already used by acme.biz.v1.ORDER_ERR_NOT_FOUND at errors/biz_errors.proto:15:3; expected business codes unique across the request",
            response.Error);
        Assert.Equal(3, response.Error.Split(Environment.NewLine).Length);
        Assert.Empty(response.File);
    }
}
