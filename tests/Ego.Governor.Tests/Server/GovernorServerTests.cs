using System.Net;
using System.Text.Json;
using Ego.Components;
using Ego.FailFast;
using Ego.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ego.Governor.Tests.Server;

public sealed class GovernorServerTests
{
    private static readonly string[] BuiltInRoutes = ["/", "/build/info", "/clients", "/debug/runtime", "/env/info", "/health/live", "/health/ready", "/job/list", "/jobs", "/metrics", "/routes"];

    [Fact]
    public async Task Root_ListsBuiltInAndUserRoutes()
    {
        await using var app = await GovernorApp.StartAsync((_, governor) => governor.MapRoutes(r => r.MapGet("/cache/stats", () => "cached")));

        var routes = (await app.GetJsonAsync("/")).EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.All(BuiltInRoutes, route => Assert.Contains(route, routes));
        Assert.Contains("/cache/stats", routes);
        Assert.DoesNotContain("/config/json", routes);
    }

    [Fact]
    public async Task MapRoutes_UserRoute_ServedOnTheGovernorPortOnly()
    {
        await using var app = await GovernorApp.StartAsync((_, governor) => governor.MapRoutes(r => r.MapGet("/cache/stats", () => "cached")));

        var onGovernor = await app.Governor.GetStringAsync("/cache/stats");
        using var onHttp = await app.Http.GetAsync("/cache/stats");

        Assert.Equal("cached", onGovernor);
        Assert.Equal(HttpStatusCode.NotFound, onHttp.StatusCode);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/health/ready")]
    [InlineData("/build/info")]
    [InlineData("/routes")]
    [InlineData("/job/list")]
    public async Task GovernorRoutes_NotReachableOnServicePorts(string path)
    {
        await using var app = await GovernorApp.StartAsync();
        using var grpcPort = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var onGovernor = await app.Governor.GetAsync(path);
        using var onHttp = await app.Http.GetAsync(path);
        using var onGrpc = await grpcPort.GetAsync($"http://{app.GrpcAddress}{path}");

        Assert.Equal(HttpStatusCode.OK, onGovernor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onHttp.StatusCode);
        Assert.False(onGrpc.IsSuccessStatusCode, $"gRPC port answered {path} with {(int)onGrpc.StatusCode}");
    }

    [Fact]
    public async Task ServiceRoutes_NotReachableOnTheGovernorPort()
    {
        await using var app = await GovernorApp.StartAsync(map: web => web.MapGet("/hello", () => "hello"));

        var onHttp = await app.Http.GetStringAsync("/hello");
        using var onGovernor = await app.Governor.GetAsync("/hello");

        Assert.Equal("hello", onHttp);
        Assert.Equal(HttpStatusCode.NotFound, onGovernor.StatusCode);
    }

    [Fact]
    public async Task HealthRoutes_ReadyThenNotReady_LiveStaysUp()
    {
        await using var app = await GovernorApp.StartAsync();

        var ready = await app.GetJsonAsync("/health/ready");
        app.App.Services.GetRequiredService<ApplicationReadiness>().Set(false);
        using var notReady = await app.Governor.GetAsync("/health/ready");
        var live = await app.GetJsonAsync("/health/live");

        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("not ready", await notReady.Content.ReadAsStringAsync());
        Assert.Equal("alive", live.GetProperty("status").GetString());
    }

    [Fact]
    public async Task HealthRoutes_WhileStopping_NotReadyButAlive()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await GovernorApp.StartAsync(map: web => web.MapGet("/slow", async () =>
        {
            arrived.TrySetResult();
            await release.Task;
            return "done";
        }));
        var inFlight = app.Http.GetStringAsync("/slow");
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopping = app.App.StopAsync();
        await app.App.Services.GetRequiredService<ApplicationLifecycle>().WhenReached(ApplicationStage.Stopping).WaitAsync(TimeSpan.FromSeconds(30));
        using var ready = await app.Governor.GetAsync("/health/ready");
        var live = await app.GetJsonAsync("/health/live");
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("stopping", live.GetProperty("stage").GetString());
        Assert.Equal("done", await inFlight);
    }

    [Fact]
    public async Task BuildInfo_ReportsAppAndRuntime()
    {
        await using var app = await GovernorApp.StartAsync(environment: ("EGO_MODE", "prod"));

        var info = await app.GetJsonAsync("/build/info");

        Assert.Equal("governor-test", info.GetProperty("name").GetString());
        Assert.Equal("prod", info.GetProperty("appMode").GetString());
        Assert.Equal("0.1.0", info.GetProperty("egoVersion").GetString());
        Assert.StartsWith(".NET 10", info.GetProperty("dotnetVersion").GetString());
        Assert.False(string.IsNullOrEmpty(info.GetProperty("startTime").GetString()));
    }

    [Fact]
    public async Task EnvInfo_SecretValuesRedacted()
    {
        Environment.SetEnvironmentVariable("EGO_GOVERNOR_TEST_API_TOKEN", "tok-123456");
        Environment.SetEnvironmentVariable("EGO_GOVERNOR_TEST_DSN", "mysql://app:pa55@db:3306/app");
        Environment.SetEnvironmentVariable("EGO_GOVERNOR_TEST_PLAIN", "visible");
        await using var app = await GovernorApp.StartAsync();

        var env = await app.GetJsonAsync("/env/info");

        Assert.Equal("******", env.GetProperty("EGO_GOVERNOR_TEST_API_TOKEN").GetString());
        Assert.Equal("mysql://app:******@db:3306/app", env.GetProperty("EGO_GOVERNOR_TEST_DSN").GetString());
        Assert.Equal("visible", env.GetProperty("EGO_GOVERNOR_TEST_PLAIN").GetString());
    }

    [Fact]
    public async Task ConfigJson_NotDebugNorEnabled_NotServed()
    {
        await using var app = await GovernorApp.StartAsync();

        using var response = await app.Governor.GetAsync("/config/json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("EGO_GOVERNOR_ENABLE_CONFIG")]
    [InlineData("EGO_DEBUG")]
    public async Task ConfigJson_Enabled_EffectiveConfigWithSecretsRedacted(string variable)
    {
        await using var app = await GovernorApp.StartAsync(flags: ["--redis.cache.addr=127.0.0.1:6379", "--redis.cache.password=hunter2"], environment: (variable, "true"));

        using var response = await app.Governor.GetAsync("/config/json");
        var body = await response.Content.ReadAsStringAsync();
        var config = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("hunter2", body);
        Assert.Equal("******", config.GetProperty("redis").GetProperty("cache").GetProperty("password").GetString());
        Assert.Equal("127.0.0.1:6379", config.GetProperty("redis").GetProperty("cache").GetProperty("addr").GetString());
        Assert.Equal("0", config.GetProperty("server").GetProperty("governor").GetProperty("port").GetString());
    }

    [Fact]
    public async Task DebugRuntime_ReportsGcThreadPoolJitAndProcess()
    {
        await using var app = await GovernorApp.StartAsync();

        var runtime = await app.GetJsonAsync("/debug/runtime");

        Assert.True(runtime.GetProperty("gc").GetProperty("totalAllocatedBytes").GetInt64() > 0);
        Assert.True(runtime.GetProperty("gc").GetProperty("gen0Collections").GetInt32() >= 0);
        Assert.True(runtime.GetProperty("threadPool").GetProperty("threadCount").GetInt32() > 0);
        // This test's own code was compiled, so the process has compiled at least one method by now.
        Assert.True(runtime.GetProperty("jit").GetProperty("compiledMethods").GetInt64() > 0);
        Assert.Equal(Environment.ProcessId, runtime.GetProperty("process").GetProperty("pid").GetInt32());
        Assert.True(runtime.GetProperty("process").GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.Equal(Environment.ProcessorCount, runtime.GetProperty("runtime").GetProperty("processorCount").GetInt32());
    }

    [Fact]
    public async Task Routes_ListsHttpEndpointsAndGrpcMethodsButNotTheGovernor()
    {
        await using var app = await GovernorApp.StartAsync(map: web =>
        {
            web.MapGet("/hello", () => "hello");
            web.MapPost("/orders", () => "created");
        });

        var routes = await app.GetJsonAsync("/routes");

        var http = routes.GetProperty("http").EnumerateArray().ToDictionary(e => e.GetProperty("pattern").GetString()!, e => e.GetProperty("methods")[0].GetString());
        Assert.Equal("GET", http["/hello"]);
        Assert.Equal("POST", http["/orders"]);
        Assert.DoesNotContain("/metrics", http.Keys);
        var grpc = routes.GetProperty("servers").GetProperty("server.grpc");
        Assert.Equal("grpc", grpc.GetProperty("kind").GetString());
        var methods = grpc.GetProperty("routes").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["/grpc.health.v1.Health/Check", "/grpc.health.v1.Health/List", "/grpc.health.v1.Health/Watch"], methods.Where(m => m!.StartsWith("/grpc.health", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task JobList_ListsRegisteredJobs()
    {
        await using var app = await GovernorApp.StartAsync((builder, _) =>
        {
            builder.AddJob("install", (_, _) => Task.CompletedTask, "create the schema");
            builder.AddJob("initialize", (_, _) => Task.CompletedTask, "seed data");
        });

        var jobs = await app.GetJsonAsync("/job/list");

        Assert.Equal(["initialize", "install"], jobs.EnumerateArray().Select(j => j.GetProperty("name").GetString()));
        Assert.Equal("create the schema", jobs[1].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Jobs_RegisteredJob_RunsAndReturnsExitCodeAndOutput()
    {
        await using var app = await GovernorApp.StartAsync((builder, _) => builder.AddJob("seed", (job, _) =>
        {
            job.Logger.LogInformation("seeded {count} rows for {args}", 3, string.Join(",", job.Arguments));
            return Task.FromResult(0);
        }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/jobs?arg=a&arg=b");
        request.Headers.Add("X-Ego-Job-Name", "seed");
        request.Headers.Add("X-Ego-Job-RunID", "run-7");

        using var response = await app.Governor.SendAsync(request);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("run-7", response.Headers.GetValues("X-Ego-Job-RunID").Single());
        Assert.Equal(0, result.GetProperty("exitCode").GetInt32());
        Assert.Equal("information: seeded 3 rows for a,b", result.GetProperty("output")[0].GetString());
    }

    [Fact]
    public async Task Jobs_UnknownJob_400NamingTheRegisteredJobs()
    {
        await using var app = await GovernorApp.StartAsync((builder, _) => builder.AddJob("install", (_, _) => Task.CompletedTask));

        using var response = await app.Governor.PostAsync("/jobs?name=missing", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("job 'missing' does not exist; registered jobs: install", response.Headers.GetValues("X-Ego-Job-Err").Single());
    }

    [Fact]
    public async Task Jobs_JobThrows_400WithTheError()
    {
        await using var app = await GovernorApp.StartAsync((builder, _) => builder.AddJob("broken", (_, _) => throw new InvalidOperationException("table missing")));

        using var response = await app.Governor.PostAsync("/jobs?name=broken", null);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("job 'broken' failed: InvalidOperationException: table missing", result.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Jobs_Get_MethodNotAllowed()
    {
        await using var app = await GovernorApp.StartAsync();

        using var response = await app.Governor.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Clients_RegisteredStats_ShownByName()
    {
        await using var app = await GovernorApp.StartAsync((builder, _) =>
        {
            builder.Services.AddSingleton<IGovernorStats>(new FixedStats("grpc.user", "10.0.0.1:9002"));
            builder.Services.AddSingleton<IGovernorStats>(new FixedStats("redis.cache", "10.0.0.2:6379"));
        });

        var clients = await app.GetJsonAsync("/clients");
        var one = await app.GetJsonAsync("/clients/redis.cache");
        using var missing = await app.Governor.GetAsync("/clients/nope");

        Assert.Equal("10.0.0.1:9002", clients.GetProperty("grpc.user").GetProperty("address").GetString());
        Assert.Equal(2, one.GetProperty("reads").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Metrics_PrometheusTextExposition()
    {
        await using var app = await GovernorApp.StartAsync();

        using var response = await app.Governor.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("ego_build_info", body);
    }

    [Fact]
    public async Task StartAsync_InvalidPort_FailsNamingTheKey()
    {
        var exception = await Assert.ThrowsAsync<EgoStartupException>(() => GovernorApp.StartAsync(flags: ["--server.governor.port=70000"]));

        Assert.Equal("server.governor", exception.Key);
        Assert.Contains("port: 70000 is out of range", exception.Error);
    }

    [Fact]
    public async Task StartAsync_GovernorStartsAfterTheOtherServers()
    {
        await using var app = await GovernorApp.StartAsync();

        var kinds = app.App.Services.GetServices<IEgoServer>().ToList();
        var addresses = app.App.Addresses;

        Assert.Contains(kinds, s => s.Kind == "governor");
        Assert.Equal(app.Governor.BaseAddress!.Authority, addresses[^1]);
    }
}
