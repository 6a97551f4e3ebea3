using System.Net;
using System.Text.Json;
using Ego.Grpc;
using Ego.Grpc.Errors;
using Ego.Http.Envelope;
using Ego.Http.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ego.Http.Tests.Envelope;

public sealed class HttpEnvelopeTests
{
    private static readonly EgoError Frozen = EgoErrorRegistry.Register(
        new EgoError(StatusCode.FailedPrecondition, "envelope.v1.WALLET_ERR_FROZEN", "wallet frozen", businessCode: 1030010001));

    private static readonly EgoError Missing = EgoErrorRegistry.Register(new EgoError(StatusCode.NotFound, "envelope.v1.WALLET_ERR_MISSING", "wallet missing"));

    [Fact]
    public async Task UseEgoErrors_ErrorWithBusinessCode_EnvelopeCodeIsBusinessCode()
    {
        await using var host = await StartThrowingAsync(_ => { }, Frozen.WithMetadata("wallet", "w1"));

        using var response = await host.Client.GetAsync("/fail");
        var body = await EgoEnvelopeExtensionsTests.JsonAsync(response);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(1030010001, body.GetProperty("code").GetInt64());
        Assert.Equal("wallet frozen", body.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        Assert.Equal("envelope.v1.WALLET_ERR_FROZEN", body.GetProperty("reason").GetString());
        Assert.Equal("w1", body.GetProperty("metadata").GetProperty("wallet").GetString());
    }

    [Theory]
    [InlineData(EnvelopeErrorCode.Http, 404)]
    [InlineData(EnvelopeErrorCode.Grpc, 5)]
    public async Task UseEgoErrors_ErrorWithoutBusinessCode_EnvelopeCodeAsConfigured(EnvelopeErrorCode kind, long expected)
    {
        await using var host = await StartThrowingAsync(o => o.ErrorCode = kind, Missing);

        var body = await EgoEnvelopeExtensionsTests.JsonAsync(await host.Client.GetAsync("/fail"));

        Assert.Equal(expected, body.GetProperty("code").GetInt64());
    }

    [Fact]
    public async Task UseEgoErrors_WithoutErrorDetails_OnlyCodeMessageData()
    {
        await using var host = await StartThrowingAsync(o => o.ErrorDetails = false, Missing);

        var body = await EgoEnvelopeExtensionsTests.JsonAsync(await host.Client.GetAsync("/fail"));

        Assert.Equal("""{"code":404,"message":"wallet missing","data":null}""", body.GetRawText());
    }

    [Fact]
    public async Task ToResult_ReturnedByEnvelopedEndpoint_AnswersErrorEnvelope()
    {
        await using var host = await EnvelopeHost.StartAsync(_ => { }, e => e.MapGet("/wallets/{id}", (string id) => HttpErrors.ToResult(Missing.WithMetadata("id", id))));

        using var response = await host.Client.GetAsync("/wallets/w9");
        var body = await EgoEnvelopeExtensionsTests.JsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"code":404,"message":"wallet missing","data":null,"reason":"envelope.v1.WALLET_ERR_MISSING","metadata":{"id":"w9"}}""", body.GetRawText());
    }

    [Fact]
    public async Task ReadErrorAsync_EnvelopedError_GivesRegisteredErrorWithBusinessCode()
    {
        await using var host = await StartThrowingAsync(_ => { }, Frozen.WithMessage("frozen since monday").WithMetadata("wallet", "w2"));

        using var response = await host.Client.GetAsync("/fail");
        var error = await response.ReadErrorAsync();

        Assert.NotNull(error);
        Assert.True(error.Is(Frozen));
        Assert.Equal((StatusCode.FailedPrecondition, 1030010001L, "frozen since monday"), (error.Code, error.BusinessCode, error.Message));
        Assert.Equal("w2", error.Metadata["wallet"]);
    }

    [Fact]
    public async Task ReadErrorAsync_CustomFieldsWithoutDetails_FindsErrorByBusinessCode()
    {
        var options = new HttpEnvelopeOptions { Enabled = true, CodeField = "errno", MessageField = "msg", DataField = "result", ErrorDetails = false };
        await using var host = await StartThrowingAsync(o => (o.CodeField, o.MessageField, o.DataField, o.ErrorDetails) = ("errno", "msg", "result", false), Frozen);

        using var response = await host.Client.GetAsync("/fail");
        var error = await response.ReadErrorAsync(options);

        Assert.True(error!.Is(Frozen));
        Assert.Equal("wallet frozen", error.Message);
    }

    [Fact]
    public async Task ReadErrorAsync_UnregisteredGrpcCodedEnvelope_KeepsCodeReasonAndMessage()
    {
        var options = new HttpEnvelopeOptions { Enabled = true, ErrorCode = EnvelopeErrorCode.Grpc };
        var unknown = new EgoError(StatusCode.Aborted, "envelope.v1.WALLET_ERR_RACE", "try again");
        await using var host = await StartThrowingAsync(o => o.ErrorCode = EnvelopeErrorCode.Grpc, unknown);

        using var response = await host.Client.GetAsync("/fail");
        var error = await response.ReadErrorAsync(options);

        Assert.Equal((StatusCode.Aborted, "envelope.v1.WALLET_ERR_RACE", "try again", (long?)null), (error!.Code, error.Reason, error.Message, error.BusinessCode));
    }

    [Fact]
    public void ForError_Disabled_StillBuildsEnvelope()
    {
        var body = HttpEnvelope.ForError(Missing, new HttpEnvelopeOptions());

        Assert.Equal(["code", "message", "data", "reason", "metadata"], body.Keys);
        Assert.Equal(404L, body["code"]);
    }

    private static Task<EnvelopeHost> StartThrowingAsync(Action<HttpEnvelopeOptions> configure, EgoError error)
        => EnvelopeHost.StartAsync(configure, e => e.MapGet("/fail", string () => throw error));
}
