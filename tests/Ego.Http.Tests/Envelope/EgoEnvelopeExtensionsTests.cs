using System.Net;
using System.Text.Json;
using Ego.Grpc;
using Ego.Grpc.Errors;
using Ego.Http.Envelope;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Http.Tests.Envelope;

public sealed class EgoEnvelopeExtensionsTests
{
    private sealed record User(string Id, string DisplayName);

    [Fact]
    public async Task WithEgoEnvelope_PlainObject_WrappedWithSuccessCodeAndMessage()
    {
        await using var host = await EnvelopeHost.StartAsync(_ => { }, e => e.MapGet("/users/{id}", (string id) => new User(id, "Ann")));

        using var response = await host.Client.GetAsync("/users/7");
        var body = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetProperty("code").GetInt64());
        Assert.Equal("ok", body.GetProperty("message").GetString());
        Assert.Equal("7", body.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("Ann", body.GetProperty("data").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task WithEgoEnvelope_ResultsOkAndString_Wrapped()
    {
        await using var host = await EnvelopeHost.StartAsync(_ => { }, e =>
        {
            e.MapGet("/ok", () => Results.Ok(new[] { 1, 2 }));
            e.MapGet("/text", () => "hello");
        });

        var ok = await JsonAsync(await host.Client.GetAsync("/ok"));
        var text = await JsonAsync(await host.Client.GetAsync("/text"));

        Assert.Equal("[1,2]", ok.GetProperty("data").GetRawText());
        Assert.Equal("hello", text.GetProperty("data").GetString());
    }

    [Fact]
    public async Task WithEgoEnvelope_Created_KeepsStatusAndLocation()
    {
        await using var host = await EnvelopeHost.StartAsync(_ => { }, e => e.MapPost("/users", () => Results.Created("/users/9", new User("9", "Bo"))));

        using var response = await host.Client.PostAsync("/users", null);
        var body = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/users/9", response.Headers.Location?.OriginalString);
        Assert.Equal("9", body.GetProperty("data").GetProperty("id").GetString());
    }

    [Fact]
    public async Task WithEgoEnvelope_NoContentAndNoValue_NoContentUnchangedVoidAndOkWrapped()
    {
        await using var host = await EnvelopeHost.StartAsync(_ => { }, e =>
        {
            e.MapDelete("/users/{id}", (string id) => Results.NoContent());
            e.MapPut("/users/{id}", (string id) => { });
            e.MapPatch("/users/{id}", (string id) => Results.Ok());
        });

        using var deleted = await host.Client.DeleteAsync("/users/1");
        var put = await JsonAsync(await host.Client.PutAsync("/users/1", null));
        var patch = await JsonAsync(await host.Client.PatchAsync("/users/1", null));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("", await deleted.Content.ReadAsStringAsync());
        Assert.Equal("""{"code":0,"message":"ok","data":null}""", put.GetRawText());
        Assert.Equal("""{"code":0,"message":"ok","data":null}""", patch.GetRawText());
    }

    [Fact]
    public async Task WithEgoEnvelope_CustomFieldsAndCode_Used()
    {
        await using var host = await EnvelopeHost.StartAsync(
            o => (o.CodeField, o.MessageField, o.DataField, o.SuccessCode, o.SuccessMessage) = ("errno", "msg", "result", 200, "success"),
            e => e.MapGet("/n", () => 42));

        var body = await JsonAsync(await host.Client.GetAsync("/n"));

        Assert.Equal("""{"errno":200,"msg":"success","result":42}""", body.GetRawText());
    }

    [Fact]
    public async Task WithEgoEnvelope_Disabled_BodyAsReturned()
    {
        await using var host = await EnvelopeHost.StartAsync(o => o.Enabled = false, e => e.MapGet("/n", () => new User("1", "Cy")));

        var body = await JsonAsync(await host.Client.GetAsync("/n"));

        Assert.Equal("1", body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task WithEgoEnvelope_NoOptionsRegistered_BodyAsReturned()
    {
        await using var host = await EnvelopeHost.StartAsync(null, e => e.MapGet("/n", () => new User("1", "Cy")));

        var body = await JsonAsync(await host.Client.GetAsync("/n"));

        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public void AddEgoEnvelope_ConfigSection_BindsEgoKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["server:http:envelope:enabled"] = "true",
            ["server:http:envelope:messageField"] = "msg",
            ["server:http:envelope:errorCode"] = "grpc",
            ["server:http:envelope:errorDetails"] = "false",
        }).Build();

        var options = new ServiceCollection().AddEgoEnvelope(configuration).BuildServiceProvider().GetRequiredService<HttpEnvelopeOptions>();

        Assert.Equal((true, "msg", "code", EnvelopeErrorCode.Grpc, false), (options.Enabled, options.MessageField, options.CodeField, options.ErrorCode, options.ErrorDetails));
    }

    [Fact]
    public void AddEgoEnvelope_ClashingFieldNames_FailsNamingTheKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["server:http:envelope:dataField"] = "code",
        }).Build();

        var failure = Assert.Throws<Ego.FailFast.EgoStartupException>(() => new ServiceCollection().AddEgoEnvelope(configuration));

        Assert.Contains("server.http.envelope.codeField: field name 'code' is used by codeField and dataField", failure.Error);
    }

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }
}
