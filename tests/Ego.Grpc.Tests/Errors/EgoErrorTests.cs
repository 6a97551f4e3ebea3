using Ego.Grpc.Errors;
using Ego.Grpc.Rpc;
using Ego.Grpc.Tests.Support;

namespace Ego.Grpc.Tests.Errors;

public sealed class EgoErrorTests
{
    private static readonly EgoError NotFound = EgoErrorRegistry.Register(new EgoError(StatusCode.NotFound, "test.v1.USER_ERR_NOT_FOUND", "user not found"));

    [Fact]
    public async Task Handler_ThrowsRegisteredError_ClientGetsTheRegisteredInstanceBack()
    {
        await using var test = await StartFailingAsync(NotFound.WithMessage("user 42 not found").WithMetadata("id", "42"));

        var failure = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        var error = EgoError.FromException(failure);

        Assert.Equal(StatusCode.NotFound, failure.StatusCode);
        Assert.Equal("user 42 not found", failure.Status.Detail);
        Assert.NotNull(error);
        Assert.True(error.Is(NotFound));
        Assert.True(NotFound.Is(failure));
        Assert.Equal("test.v1.USER_ERR_NOT_FOUND", error.Reason);
        Assert.Equal("user 42 not found", error.Message);
        Assert.Equal("42", error.Metadata["id"]);
    }

    [Fact]
    public async Task Handler_ThrowsUnregisteredError_ClientKeepsCodeReasonMessageAndMetadata()
    {
        await using var test = await StartFailingAsync(new EgoError(StatusCode.FailedPrecondition, "test.v1.ORDER_ERR_CLOSED", "order closed", [new("order", "7")], "shop"));

        var failure = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        var error = EgoError.FromException(failure)!;

        Assert.Equal((StatusCode.FailedPrecondition, "test.v1.ORDER_ERR_CLOSED", "order closed", "shop"), (error.Code, error.Reason, error.Message, error.Domain));
        Assert.Equal("7", error.Metadata["order"]);
        Assert.False(error.Is(NotFound));
    }

    [Fact]
    public async Task Handler_ThrowsErrorWithBusinessCode_ClientReadsItFromErrorInfo()
    {
        var sent = new EgoError(StatusCode.NotFound, "test.v1.ITEM_ERR_MISSING", "item missing", [new("item", "3")], businessCode: 1010010002);
        await using var test = await StartFailingAsync(sent);

        var failure = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x"));
        var info = Rpc.Status.Parser.ParseFrom(failure.Trailers.GetValueBytes(EgoError.StatusDetailsKey)!).Details[0].Unpack<ErrorInfo>();
        var error = EgoError.FromException(failure)!;

        Assert.Equal("1010010002", info.Metadata[BusinessCodes.MetadataKey]);
        Assert.Equal(1010010002L, error.BusinessCode);
        Assert.Equal("3", error.Metadata["item"]);
        Assert.False(error.Metadata.ContainsKey(BusinessCodes.MetadataKey));
    }

    [Fact]
    public void WithMessageAndMetadata_ErrorWithBusinessCode_KeepsIt()
    {
        var error = new EgoError(StatusCode.Aborted, "test.v1.X", "x", businessCode: 1010010003);

        Assert.Equal(1010010003L, error.WithMessage("y").WithMetadata("k", "v").BusinessCode);
    }

    [Fact]
    public void ToTrailers_Error_IsGoogleRpcStatusWithErrorInfo()
    {
        var error = NotFound.WithMetadata("id", "9");

        var bytes = error.ToTrailers().GetValueBytes(EgoError.StatusDetailsKey)!;
        var status = Rpc.Status.Parser.ParseFrom(bytes);
        var info = Assert.Single(status.Details).Unpack<ErrorInfo>();

        Assert.Equal((int)StatusCode.NotFound, status.Code);
        Assert.Equal("user not found", status.Message);
        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", status.Details[0].TypeUrl);
        Assert.Equal("test.v1.USER_ERR_NOT_FOUND", info.Reason);
        Assert.Equal("9", info.Metadata["id"]);
    }

    [Fact]
    public void WithMessageAndMetadata_RegisteredError_IsNeverChanged()
    {
        var derived = NotFound.WithMessage("other").WithMetadata("k", "v");

        Assert.Equal("user not found", NotFound.Message);
        Assert.Empty(NotFound.Metadata);
        Assert.Equal("other", derived.Message);
        Assert.True(derived.Is(NotFound));
    }

    [Fact]
    public void FromStatus_DetailsNotAStatus_KeepsCodeAndMessage()
    {
        var trailers = new Metadata { { EgoError.StatusDetailsKey, new byte[] { 0xff, 0xff, 0xff } } };

        var error = EgoError.FromStatus(new Status(StatusCode.Internal, "boom"), trailers);

        Assert.Equal((StatusCode.Internal, "", "boom"), (error.Code, error.Reason, error.Message));
    }

    [Fact]
    public void Register_SameReasonOtherCode_IsRefused()
    {
        var duplicate = new EgoError(StatusCode.Internal, NotFound.Reason, "clash");

        var failure = Assert.Throws<ArgumentException>(() => EgoErrorRegistry.Register(duplicate));

        Assert.Contains("test.v1.USER_ERR_NOT_FOUND", failure.Message);
    }

    [Theory]
    [InlineData("zh", "用户不存在")]
    [InlineData("zh-CN", "用户不存在")]
    [InlineData("fr", "user not found")]
    public void MessageFor_Language_UsesTranslationOrMessage(string language, string expected)
    {
        EgoErrorRegistry.AddTranslation(NotFound.Reason, "zh", "用户不存在");

        Assert.Equal(expected, NotFound.MessageFor(language));
    }

    private static Task<TestServer> StartFailingAsync(EgoError error)
    {
        var definition = ServerServiceDefinition.CreateBuilder()
            .AddMethod(TestMethods.Unary, (string _, ServerCallContext _) => Task.FromException<string>(error))
            .Build();
        return TestServer.StartAsync(b => b.AddService(definition));
    }
}
