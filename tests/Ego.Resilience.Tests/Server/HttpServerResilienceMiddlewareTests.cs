using System.Net;
using System.Text.Json;
using Ego.Components;
using Ego.Resilience.Server;
using Ego.Resilience.Server.Internal;
using Ego.Resilience.Tests.Support;
using Ego.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Resilience.Tests.Server;

public sealed class HttpServerResilienceMiddlewareTests
{
    [Fact]
    public async Task Get_OverRouteRule_429WithRetryAfterAndLimitedEvent()
    {
        using var rules = new TempFile("ratelimit.toml", "[rules.\"GET./items/{id}\"]\ntype = \"tokenBucket\"\npermits = 1\nperiod = \"1m\"\n");
        await using var http = await GovernedHttpApp.StartAsync($"rateLimitRules = '{rules.Path}'\nenableShedding = false\n", app =>
        {
            app.MapGet("/items/{id}", (int id) => "item " + id);
            app.MapGet("/other", () => "other");
        });

        Assert.Equal("item 1", await http.Client.GetStringAsync("/items/1"));
        using var refused = await http.Client.GetAsync("/items/2");
        Assert.Equal("other", await http.Client.GetStringAsync("/other"));
        Assert.Equal("other", await http.Client.GetStringAsync("/other"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Contains("rate limit of GET./items/{id} exceeded", await refused.Content.ReadAsStringAsync());
        var line = Assert.Single(await AccessLinesAsync(http), l => l.GetProperty("code").GetInt32() == 429);
        Assert.Equal("limited", line.GetProperty("event").GetString());
        Assert.Equal("GET./items/{id}", line.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Get_Overloaded_503WithShedEvent()
    {
        var cpu = new ScriptedCpu();
        await using var http = await GovernedHttpApp.StartAsync("", app => app.MapGet("/ping", () => "pong"), cpu);
        Assert.Equal("pong", await http.Client.GetStringAsync("/ping"));
        var shedder = http.App.Services.GetRequiredKeyedService<ServerGovernance>("server.http").Shedder!;
        for (var i = 0; i < 40; i++)
        {
            Assert.True(shedder.TryEnter(out _));
        }

        for (var i = 0; i < 40; i++)
        {
            Assert.True(shedder.TryEnter(out var start));
            shedder.Exit(start, passed: false);
        }

        cpu.Usage = 990;
        using var shed = await http.Client.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, shed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), shed.Headers.RetryAfter!.Delta);
        var line = Assert.Single(await AccessLinesAsync(http), l => l.GetProperty("code").GetInt32() == 503);
        Assert.Equal("shed", line.GetProperty("event").GetString());
    }

    [Fact]
    public async Task Get_RouteTimeoutHit_504AndLogNamesTheKey()
    {
        await using var http = await GovernedHttpApp.StartAsync("enableShedding = false\n[server.http.methodTimeouts]\n\"GET./slow\" = \"200ms\"\n", app =>
            app.MapGet("/slow", async (HttpContext context) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
                return "never";
            }));

        using var response = await http.Client.GetAsync("/slow");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("deadline 200ms from server.http.methodTimeouts.GET./slow exceeded", await response.Content.ReadAsStringAsync());
        var lines = await http.StopAndReadLogAsync();
        Assert.Single(lines, l => l.GetProperty("lv").GetString() == "warn" && l.GetProperty("msg").GetString()!.Contains("deadline 200ms from server.http.methodTimeouts.GET./slow exceeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_CallerGoesAwayUnderARouteTimeout_HandlerSeesItAndNoTimeoutIsLogged()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var http = await GovernedHttpApp.StartAsync("enableShedding = false\n[server.http.methodTimeouts]\n\"GET./slow\" = \"1m\"\n", app =>
            app.MapGet("/slow", async (HttpContext context) =>
            {
                using var seen = context.RequestAborted.Register(() => cancelled.TrySetResult());
                started.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
                return "never";
            }));

        using var caller = new CancellationTokenSource();
        var call = http.Client.GetAsync("/slow", caller.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var lines = await http.StopAndReadLogAsync();
        Assert.DoesNotContain(lines, l => l.GetProperty("msg").GetString()!.Contains("deadline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_BodyOverMaxRequestBodySize_413()
    {
        await using var http = await GovernedHttpApp.StartAsync("maxRequestBodySize = 10\n", app => app.MapPost("/upload", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return (await reader.ReadToEndAsync()).Length;
        }));

        using var small = await http.Client.PostAsync("/upload", new StringContent("tiny"));
        using var large = await http.Client.PostAsync("/upload", new StringContent(new string('x', 100)));

        Assert.Equal("4", await small.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
    }

    [Fact]
    public async Task Get_HandlerThrows_500CountedAndServerKeepsServing()
    {
        using var metrics = new MetricsRecorder(ServerResilienceMetrics.MeterName);
        var calls = 0;
        await using var http = await GovernedHttpApp.StartAsync("", app => app.MapGet("/boom", () =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("handler bug") : "fine"));

        using var failed = await http.Client.GetAsync("/boom");
        var next = await http.Client.GetStringAsync("/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("fine", next);
        Assert.Single(metrics.Where("ego_resilience_panics_total", "method", "GET./boom"), m => m["type"] == "http" && m["name"] == "server.http");
    }

    [Fact]
    public async Task GovernorStats_ShowRulesAndShedderState()
    {
        using var rules = new TempFile("ratelimit.toml", "[default]\ntype = \"concurrency\"\npermits = 50\n");
        await using var http = await GovernedHttpApp.StartAsync($"rateLimitRules = '{rules.Path}'\nmaxConcurrentCalls = 7\n", app => app.MapGet("/ping", () => "pong"));

        var stats = Assert.Single(http.App.Services.GetServices<IGovernorStats>(), s => s.Name == "server.http.resilience");
        var snapshot = stats.Snapshot();

        Assert.Equal("concurrency permits=50", snapshot["rateLimit"]!["rules"]!["default"]!.GetValue<string>());
        Assert.Equal(rules.Path, snapshot["rateLimit"]!["file"]!.GetValue<string>());
        Assert.Equal(7, snapshot["maxConcurrentCalls"]!.GetValue<int>());
        Assert.Equal(900, snapshot["shedding"]!["cpuThreshold"]!.GetValue<int>());
        Assert.False(snapshot["shedding"]!["hot"]!.GetValue<bool>());
    }

    private static async Task<List<JsonElement>> AccessLinesAsync(GovernedHttpApp http) =>
        [.. (await http.StopAndReadLogAsync()).Where(l => l.GetProperty("msg").GetString() == "access")];
}
