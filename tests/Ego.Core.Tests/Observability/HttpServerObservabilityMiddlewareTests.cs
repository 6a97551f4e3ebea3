using System.Net;
using System.Text.Json;
using Ego.Hosting;
using Ego.Observability;
using Ego.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ego.Core.Tests.Observability;

public sealed class HttpServerObservabilityMiddlewareTests
{
    [Fact]
    public async Task Request_Success_WritesInfoLineWithRoutePatternAndPeer()
    {
        await using var http = await HttpApp.StartAsync(app => app.MapGet("/hello/{name}", (string name) => "hi " + name));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hello/ego");
        request.Headers.Add("app", "caller-app");
        Assert.Equal("hi ego", await (await http.Client.SendAsync(request)).Content.ReadAsStringAsync());

        var line = Assert.Single(await http.AccessLinesAsync());
        Assert.Equal("info", line.GetProperty("lv").GetString());
        Assert.Equal("server.egin", line.GetProperty("comp").GetString());
        Assert.Equal("server.http", line.GetProperty("compName").GetString());
        Assert.StartsWith("127.0.0.1:", line.GetProperty("addr").GetString());
        Assert.Equal("GET./hello/{name}", line.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Number, line.GetProperty("cost").ValueKind);
        Assert.Equal(200, line.GetProperty("code").GetInt32());
        Assert.Equal(200, line.GetProperty("ucode").GetInt32());
        Assert.Equal("normal", line.GetProperty("event").GetString());
        Assert.Equal("127.0.0.1", line.GetProperty("peerIp").GetString());
        Assert.Equal("caller-app", line.GetProperty("peerName").GetString());
    }

    [Fact]
    public async Task Request_ClientError_WritesWarnErrorEvent()
    {
        await using var http = await HttpApp.StartAsync(app => app.MapGet("/users/{id}", () => Results.NotFound()));
        Assert.Equal(HttpStatusCode.NotFound, (await http.Client.GetAsync("/users/7")).StatusCode);

        var line = Assert.Single(await http.AccessLinesAsync());
        Assert.Equal("warn", line.GetProperty("lv").GetString());
        Assert.Equal("error", line.GetProperty("event").GetString());
        Assert.Equal(404, line.GetProperty("ucode").GetInt32());
        Assert.Equal("404 Not Found", line.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Request_ServerErrorWithAccessLogOff_StillWritesErrorLine()
    {
        await using var http = await HttpApp.StartAsync(
            app =>
            {
                app.MapGet("/ok", () => "ok");
                app.MapGet("/down", () => Results.StatusCode(503));
            },
            "--server.http.enableAccessInterceptor=false");
        await http.Client.GetAsync("/ok");
        await http.Client.GetAsync("/down");

        var line = Assert.Single(await http.AccessLinesAsync());
        Assert.Equal("error", line.GetProperty("lv").GetString());
        Assert.Equal(503, line.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Request_OverSlowThreshold_WritesWarnSlow()
    {
        await using var http = await HttpApp.StartAsync(
            app => app.MapGet("/slow", async () =>
            {
                await Task.Delay(300);
                return "done";
            }),
            "--server.http.slowLogThreshold=50ms", "--server.http.enableAccessInterceptor=false");
        await http.Client.GetAsync("/slow");

        var line = Assert.Single(await http.AccessLinesAsync());
        Assert.Equal("warn", line.GetProperty("lv").GetString());
        Assert.Equal("slow", line.GetProperty("event").GetString());
        Assert.True(line.GetProperty("cost").GetDouble() >= 50);
    }

    [Fact]
    public async Task Request_HandlerThrows_Answers500AndWritesPanic()
    {
        await using var http = await HttpApp.StartAsync(app => app.MapGet("/boom", string () => throw new InvalidOperationException("handler bug")));
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.Client.GetAsync("/boom")).StatusCode);

        var line = Assert.Single(await http.AccessLinesAsync());
        Assert.Equal("error", line.GetProperty("lv").GetString());
        Assert.Equal("panic", line.GetProperty("event").GetString());
        Assert.Equal("recover", line.GetProperty("type").GetString());
        Assert.Equal(500, line.GetProperty("ucode").GetInt32());
        Assert.Equal("handler bug", line.GetProperty("error").GetString());
        Assert.Contains(nameof(HttpServerObservabilityMiddlewareTests), line.GetProperty("errorVerbose").GetString());
    }

    [Fact]
    public async Task Request_ReqAndResEnabled_WritesBodiesTruncated()
    {
        await using var http = await HttpApp.StartAsync(
            app => app.MapPost("/echo", async (HttpRequest request) => "got " + await new StreamReader(request.Body).ReadToEndAsync()),
            "--server.http.enableAccessInterceptorReq=true", "--server.http.enableAccessInterceptorRes=true", "--server.http.accessInterceptorReqMaxLength=4");
        var response = await http.Client.PostAsync("/echo", new StringContent("abcdefgh"));
        Assert.Equal("got abcdefgh", await response.Content.ReadAsStringAsync());

        var line = Assert.Single(await http.AccessLinesAsync());
        Assert.Equal("abcd...", line.GetProperty("req").GetString());
        Assert.Equal("got abcdefgh", line.GetProperty("res").GetString());
    }

    [Fact]
    public async Task Request_ExtraKeyHeader_IsLoggedAndVisibleToHandler()
    {
        await using var http = await HttpApp.StartAsync(app => app.MapGet("/uid", () => CallExtras.Get("x-ego-uid") ?? "none"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/uid");
        request.Headers.Add("X-Ego-Uid", "42");
        Assert.Equal("42", await (await http.Client.SendAsync(request)).Content.ReadAsStringAsync());

        var line = Assert.Single(await http.AccessLinesAsync());
        Assert.Equal("42", line.GetProperty("x-ego-uid").GetString());
    }

    [Fact]
    public async Task Requests_Metrics_UseRoutePatternAndUnmatched()
    {
        using var metrics = new MetricsRecorder();
        await using var http = await HttpApp.StartAsync(app => app.MapGet("/items/{id}", (int id) => id));
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/items/3"))
        {
            request.Headers.Add("app", http.AppName);
            await http.Client.SendAsync(request);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/nowhere/5"))
        {
            request.Headers.Add("app", http.AppName);
            await http.Client.SendAsync(request);
        }

        var handled = metrics.Where("ego_server_handle_total", "peer", http.AppName);
        var matched = Assert.Single(handled, m => m["method"] == "GET./items/{id}");
        Assert.Equal("http", matched["type"]);
        Assert.Equal("OK", matched["code"]);
        Assert.Equal("200", matched["uniform_code"]);
        Assert.StartsWith("127.0.0.1:", matched["rpc_service"]);
        var unmatched = Assert.Single(handled, m => m["method"] == "unmatched");
        Assert.Equal("404", unmatched["uniform_code"]);
        Assert.Equal(2, metrics.Where("ego_server_handle_seconds", "peer", http.AppName).Count);
    }

    [Fact]
    public async Task DebugMode_WritesSixTupleWithHandlerFileAndLine()
    {
        var debug = new StringWriter();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.UseEgoHttpObservability(new AccessLogSettings { Component = "server.egin", Name = "server.http", Debug = true, DebugOutput = TextWriter.Synchronized(debug) });
        var handlerLine = Line() + 1;
        app.MapGet("/ping", () => "pong");
        await app.StartAsync();
        using (var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) })
        {
            Assert.Equal("pong", await client.GetStringAsync("/ping"));
        }

        await app.StopAsync();

        var line = Assert.Single(debug.ToString().Split('\n'), l => l.Contains("server.egin.server.http", StringComparison.Ordinal));
        Assert.Contains($"{nameof(HttpServerObservabilityMiddlewareTests)}.cs:{handlerLine}", line);
        Assert.Contains("GET./ping | ", line);
        Assert.Contains("pong", line);
    }

    private static int Line([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
