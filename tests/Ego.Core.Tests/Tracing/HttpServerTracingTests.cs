using System.Diagnostics;
using System.Text.Json;
using Ego.Core.Tests.Hosting;
using Ego.Hosting;
using Ego.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ego.Core.Tests.Tracing;

public sealed class HttpServerTracingTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly SpanCollector spans = new();

    [Fact]
    public async Task Request_WithTraceparent_ServerSpanIsChildOfCallerWithHttpAttributesAndHeader()
    {
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        await using var app = await StartAsync(a => a.MapGet("/users/{id}", (string id) => "user " + id));

        using var request = new HttpRequestMessage(HttpMethod.Get, app.Addresses[0] + "/users/42?full=1");
        request.Headers.Add("traceparent", $"00-{caller.TraceId.ToHexString()}-{caller.SpanId.ToHexString()}-01");
        using var client = new HttpClient();
        using var response = await client.SendAsync(request);

        Assert.Equal(caller.TraceId.ToHexString(), Assert.Single(response.Headers.GetValues("x-trace-id")));
        var span = Assert.Single(spans.InTrace(caller.TraceId.ToHexString()));
        Assert.Equal("GET /users/{id}", span.DisplayName);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(caller.SpanId, span.ParentSpanId);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("/users/42", span.GetTagItem("url.path"));
        Assert.Equal("full=1", span.GetTagItem("url.query"));
        Assert.Equal("/users/{id}", span.GetTagItem("http.route"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal("127.0.0.1", span.GetTagItem("client.address"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task Request_HandlerThrows_SpanHasErrorStatusAnd500()
    {
        await using var app = await StartAsync(a => a.MapGet("/boom", IResult () => throw new InvalidOperationException("broken")));

        using var client = new HttpClient();
        using var response = await client.GetAsync(app.Addresses[0] + "/boom");

        // Kestrel answers an unhandled exception with a bare 500 (no headers), so the span is found by its route.
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        var span = Assert.Single(spans.Named("GET /boom"));
        Assert.Equal(500, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Request_NoTraceparent_NewTraceIdInCustomHeaderAndInLogLines()
    {
        var environment = AppRun.Environment(("EGO_TRACE_ID_NAME", "x-request-trace"), ("EGO_LOG_PATH", temp.Path));
        var file = temp.Write("app.toml", "[server.http]\nhost = \"127.0.0.1\"\nport = 0\n");
        var app = EgoApplication.CreateBuilder(["--config=" + file], environment).Build();
        app.MapGet("/ping", (ILoggerFactory logs) =>
        {
            logs.CreateLogger("Shop.Ping").LogInformation("ping handled");
            return "pong";
        });
        await app.StartAsync();

        using var client = new HttpClient();
        using var response = await client.GetAsync(app.Addresses[0] + "/ping");
        await app.StopAsync();
        await app.DisposeAsync();

        var traceId = Assert.Single(response.Headers.GetValues("x-request-trace"));
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.False(response.Headers.Contains("x-trace-id"));
        var line = File.ReadLines(Path.Combine(temp.Path, "default.log")).Single(l => l.Contains("ping handled", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(traceId, json.RootElement.GetProperty("tid").GetString());
    }

    public void Dispose()
    {
        spans.Dispose();
        temp.Dispose();
    }

    private async Task<EgoApplication> StartAsync(Action<EgoApplication> map)
    {
        var file = temp.Write("app.toml", "[server.http]\nhost = \"127.0.0.1\"\nport = 0\n");
        var app = EgoApplication.CreateBuilder(["--config=" + file], AppRun.Environment(("EGO_LOG_PATH", temp.Path))).Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
