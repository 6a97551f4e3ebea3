using Ego.Grpc.Reflection.V1;
using InventoryApi = Ego.Inventory.V1.Inventory;
using Ego.Testing;
using Google.Protobuf.Reflection;

namespace Ego.Grpc.Reflection.Tests;

public sealed class ServerReflectionServiceTests
{
    [Fact]
    public async Task ListServices_ReturnsEveryServedService()
    {
        await using var server = await StartAsync();

        var response = (await ReflectionClient.AskAsync(server.CallInvoker, new ServerReflectionRequest { ListServices = "" }))[0];

        Assert.Equal(
            ["ego.inventory.v1.Inventory", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            response.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Theory]
    [InlineData("ego.inventory.v1.Inventory")]
    [InlineData("ego.inventory.v1.Inventory.GetItem")]
    [InlineData("ego.inventory.v1.Item")]
    [InlineData(".ego.inventory.v1.Item.Level")]
    [InlineData("ego.inventory.v1.Item.counted_at")]
    public async Task FileContainingSymbol_Symbol_ReturnsFileThenDependencies(string symbol)
    {
        await using var server = await StartAsync();

        var response = (await ReflectionClient.AskAsync(server.CallInvoker, new ServerReflectionRequest { FileContainingSymbol = symbol }))[0];

        Assert.Equal(["Protos/inventory.proto", "google/protobuf/timestamp.proto"], ReflectionClient.FileNames(response));
        Assert.Equal(symbol, response.OriginalRequest.FileContainingSymbol);
    }

    [Fact]
    public async Task FileByFilename_Known_ReturnsDescriptorThatDescribesTheService()
    {
        await using var server = await StartAsync();

        var response = (await ReflectionClient.AskAsync(server.CallInvoker, new ServerReflectionRequest { FileByFilename = "Protos/inventory.proto" }))[0];

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("ego.inventory.v1", file.Package);
        Assert.Equal("GetItem", Assert.Single(Assert.Single(file.Service).Method).Name);
    }

    [Theory]
    [InlineData("missing.proto", null)]
    [InlineData(null, "ego.inventory.v1.Missing")]
    public async Task Unknown_FileOrSymbol_ErrorResponseNotFound(string? file, string? symbol)
    {
        await using var server = await StartAsync();
        var request = file is not null ? new ServerReflectionRequest { FileByFilename = file } : new ServerReflectionRequest { FileContainingSymbol = symbol };

        var responses = await ReflectionClient.AskAsync(server.CallInvoker, request, new ServerReflectionRequest { ListServices = "" });

        Assert.Equal((int)StatusCode.NotFound, responses[0].ErrorResponse.ErrorCode);
        Assert.Contains(file ?? symbol!, responses[0].ErrorResponse.ErrorMessage);
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse, responses[1].MessageResponseCase);
    }

    [Fact]
    public async Task ExtensionNumbers_MessageWithoutExtensions_EmptyList()
    {
        await using var server = await StartAsync();

        var response = (await ReflectionClient.AskAsync(server.CallInvoker, new ServerReflectionRequest { AllExtensionNumbersOfType = "ego.inventory.v1.Item" }))[0];

        Assert.Equal("ego.inventory.v1.Item", response.AllExtensionNumbersResponse.BaseTypeName);
        Assert.Empty(response.AllExtensionNumbersResponse.ExtensionNumber);
    }

    [Fact]
    public async Task V1alpha_ListServices_AnswersLikeV1()
    {
        await using var server = await StartAsync();
        using var call = new V1alpha.ServerReflection.ServerReflectionClient(server.CallInvoker).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new V1alpha.ServerReflectionRequest { FileContainingSymbol = "ego.inventory.v1.Inventory" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(2, call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto.Count);
    }

    private static Task<InMemoryGrpcServer> StartAsync()
        => InMemoryGrpcServer.StartAsync(b => b.AddService(new InventoryService()).AddReflection([InventoryApi.Descriptor]));
}
