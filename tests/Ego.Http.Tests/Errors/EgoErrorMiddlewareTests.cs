using System.Net;
using System.Text.Json;
using Ego.Grpc;
using Ego.Grpc.Errors;
using Ego.Http.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ego.Http.Tests.Errors;

public sealed class EgoErrorMiddlewareTests
{
    private static readonly EgoError OrderClosed = EgoErrorRegistry.Register(new EgoError(StatusCode.FailedPrecondition, "order.v1.ORDER_ERR_CLOSED", "order closed"));

    [Fact]
    public async Task Endpoint_ThrowsEgoError_AnsweredWithMappedStatusAndJsonBody()
    {
        await using var app = await StartAsync(endpoints => endpoints.MapGet("/orders/{id}", (string id) =>
        {
            throw OrderClosed.WithMessage($"order {id} is closed").WithMetadata("id", id);
        }));
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.GetAsync("/orders/7");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(9, body.GetProperty("code").GetInt32());
        Assert.Equal("order.v1.ORDER_ERR_CLOSED", body.GetProperty("reason").GetString());
        Assert.Equal("order 7 is closed", body.GetProperty("message").GetString());
        Assert.Equal("7", body.GetProperty("metadata").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReadErrorAsync_OurBody_GivesTheRegisteredErrorBack()
    {
        await using var app = await StartAsync(endpoints => endpoints.MapGet("/orders/{id}", (string id) => HttpErrors.ToResult(OrderClosed.WithMetadata("id", id))));
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.GetAsync("/orders/8");
        var error = await response.ReadErrorAsync();

        Assert.NotNull(error);
        Assert.True(error.Is(OrderClosed));
        Assert.Equal(StatusCode.FailedPrecondition, error.Code);
        Assert.Equal("8", error.Metadata["id"]);
        await Assert.ThrowsAsync<EgoError>(() => response.EnsureNoErrorAsync());
    }

    [Fact]
    public async Task ReadErrorAsync_PlainBodyWithBusinessCode_KeepsIt()
    {
        var error = new EgoError(StatusCode.ResourceExhausted, "order.v1.ORDER_ERR_QUOTA", "quota", businessCode: 1040010007);
        await using var app = await StartAsync(endpoints => endpoints.MapGet("/quota", string () => throw error));
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.GetAsync("/quota");
        var text = await response.Content.ReadAsStringAsync();
        var received = await response.ReadErrorAsync();

        Assert.Contains("\"bizCode\":1040010007", text);
        Assert.Equal((StatusCode.ResourceExhausted, "order.v1.ORDER_ERR_QUOTA", 1040010007L), (received!.Code, received.Reason, received.BusinessCode));
    }

    [Fact]
    public async Task ReadErrorAsync_ForeignBody_UsesHttpStatusAndText()
    {
        await using var app = await StartAsync(endpoints => endpoints.MapGet("/teapot", () => Results.Text("no coffee", statusCode: 404)));
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.GetAsync("/teapot");
        var error = await response.ReadErrorAsync();

        Assert.Equal((StatusCode.NotFound, "", "no coffee"), (error!.Code, error.Reason, error.Message));
    }

    [Fact]
    public async Task Endpoint_OtherException_NotTurnedIntoAnErrorBody()
    {
        await using var app = await StartAsync(endpoints => endpoints.MapGet("/boom", string () => throw new InvalidOperationException("boom")));
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.GetAsync("/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.NotEqual("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseEgoErrors();
        map(app);
        await app.StartAsync();
        return app;
    }
}
