using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ego.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Core.Tests.Hosting;

public sealed class EgoApplicationTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task RunAsync_Version_PrintsBuildTableAndExitsZero()
    {
        var run = await AppRun.RunAsync(EgoApplication.CreateBuilder(["--version"], AppRun.Environment(("EGO_NAME", "hello"), ("EGO_REGION", "huabei"), ("EGO_ZONE", "ali-3"))));

        Assert.Equal(0, run.ExitCode);
        foreach (var row in new[] { "AppName       : hello", "Region        : huabei", "Zone          : ali-3", "AppHost", "AppVersion", "EgoVersion    : 0.1.0", "BuildUser", "BuildHost", "BuildTime", "BuildStatus", "DotnetVersion : .NET 10" })
        {
            Assert.Contains(row, run.Output);
        }
    }

    [Fact]
    public async Task RunAsync_DumpConfig_FlagsOverEnvironmentOverFile()
    {
        var file = temp.Write("app.toml", """
            [server.grpc]
            port = 9002
            host = "file"
            network = "file"
            """);
        var builder = EgoApplication.CreateBuilder(
            ["--config=" + file, "--dump-config", "--server.grpc.port=9300"],
            AppRun.Environment(("EGO__server__grpc__port", "9200"), ("EGO__server__grpc__host", "env")));

        var run = await AppRun.RunAsync(builder);

        Assert.Equal(0, run.ExitCode);
        var grpc = JsonDocument.Parse(run.Output).RootElement.GetProperty("server").GetProperty("grpc");
        Assert.Equal("9300", grpc.GetProperty("port").GetString());
        Assert.Equal("env", grpc.GetProperty("host").GetString());
        Assert.Equal("file", grpc.GetProperty("network").GetString());
    }

    [Fact]
    public async Task RunAsync_DumpConfig_RedactsSecrets()
    {
        var file = temp.Write("app.toml", """
            [redis.cache]
            addr = "127.0.0.1:6379"
            password = "hunter2"
            [db.main]
            dsn = "postgres://app:s3cret@db:5432/app"
            """);

        var run = await AppRun.RunAsync(EgoApplication.CreateBuilder(["--config", file, "--dump-config"], AppRun.Environment()));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("hunter2", run.Output);
        Assert.DoesNotContain("s3cret", run.Output);
        Assert.Contains("127.0.0.1:6379", run.Output);
        Assert.Contains("postgres://app:******@db:5432/app", run.Output);
    }

    [Fact]
    public async Task RunAsync_ExplicitConfigMissing_FailsFastWithCallerLocation()
    {
        var line = CurrentLine() + 1;
        var builder = EgoApplication.CreateBuilder(["--config=" + temp.File("missing.toml")], AppRun.Environment());

        var run = await AppRun.RunAsync(builder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("panic:", run.Error);
        Assert.Contains("msg: config file not found", run.Error);
        Assert.Contains($"loc: {ThisFile()}:{line}", run.Error);
        Assert.Contains("missing.toml", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task RunAsync_DefaultConfigMissing_RunsOnDefaults()
    {
        var builder = EgoApplication.CreateBuilder(["--dump-config"], AppRun.Environment());

        var run = await AppRun.RunAsync(builder);

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("10s", root.GetProperty("app").GetProperty("stopTimeout").GetString());
        Assert.False(root.TryGetProperty("server", out _));
    }

    [Fact]
    public async Task RunAsync_DumpConfig_ShowsDefaultsOfBuiltComponents()
    {
        var file = temp.Write("app.toml", "[redis.cache]\naddr = \"10.0.0.9:6379\"\nextra = \"kept\"\n");
        var builder = EgoApplication.CreateBuilder(["--config=" + file, "--dump-config"], AppRun.Environment());
        builder.AddOptions<Ego.Core.Tests.Components.SampleOptions>("redis.cache");

        var run = await AppRun.RunAsync(builder);

        var redis = JsonDocument.Parse(run.Output).RootElement.GetProperty("redis").GetProperty("cache");
        Assert.Equal("10.0.0.9:6379", redis.GetProperty("addr").GetString());
        Assert.Equal(10, redis.GetProperty("poolSize").GetInt32());
        Assert.Equal("1s", redis.GetProperty("readTimeout").GetString());
        Assert.Equal("kept", redis.GetProperty("extra").GetString());
    }

    [Fact]
    public async Task RunAsync_ConfigDoesNotParse_ReportsFileLineAndColumn()
    {
        var file = temp.Write("bad.toml", "[server]\nport = 90 02\n");

        var run = await AppRun.RunAsync(EgoApplication.CreateBuilder(["--config=" + file], AppRun.Environment()));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("msg: parse config error", run.Error);
        Assert.Contains(file + ":2:", run.Error);
    }

    [Fact]
    public async Task RunAsync_InvalidOptionValue_FailsFastNamingKeyAndCaller()
    {
        var file = temp.Write("app.toml", "[app]\nstopTimeout = \"soon\"\n");

        var run = await AppRun.RunAsync(EgoApplication.CreateBuilder(["--config=" + file], AppRun.Environment()));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("msg: invalid config", run.Error);
        Assert.Contains("key: app", run.Error);
        Assert.Contains("'soon' is not a duration", run.Error);
    }

    [Fact]
    public async Task RunAsync_RequiredSectionMissing_BlockHasKeyAndLocation()
    {
        var builder = EgoApplication.CreateBuilder([], AppRun.Environment());
        var line = CurrentLine() + 1;
        builder.AddOptions<HttpServerOptions>("server.payments", required: true);

        var run = await AppRun.RunAsync(builder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("msg: parse config error", run.Error);
        Assert.Contains("error: server.payments: invalid key, maybe not exist in config", run.Error);
        Assert.Contains("key: server.payments", run.Error);
        Assert.Contains($"loc: {ThisFile()}:{line}", run.Error);
    }

    [Fact]
    public async Task RunAsync_Job_RunsInsteadOfServersAndReturnsItsCode()
    {
        var builder = EgoApplication.CreateBuilder(["--job=install", "extra"], AppRun.Environment());
        IReadOnlyList<string>? seen = null;
        builder.AddJob("install", (context, _) =>
        {
            seen = context.Arguments;
            return Task.FromResult(42);
        });

        var run = await AppRun.RunAsync(builder);

        Assert.Equal(42, run.ExitCode);
        Assert.Equal(["extra"], seen);
    }

    [Fact]
    public async Task RunAsync_JobThrows_FailsFastWithJobName()
    {
        var builder = EgoApplication.CreateBuilder(["--job=initialize"], AppRun.Environment());
        builder.AddJob("initialize", (_, _) => throw new InvalidOperationException("seed table missing"));

        var run = await AppRun.RunAsync(builder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("msg: job failed", run.Error);
        Assert.Contains("seed table missing", run.Error);
        Assert.Contains("key: --job=initialize", run.Error);
    }

    [Fact]
    public async Task RunAsync_UnknownJob_ListsRegisteredJobsAndExitsNonZero()
    {
        var builder = EgoApplication.CreateBuilder(["--job=migrate"], AppRun.Environment());
        builder.AddJob("install", (_, _) => Task.CompletedTask);
        builder.AddJob("initialize", (_, _) => Task.CompletedTask);

        var run = await AppRun.RunAsync(builder);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("unknown job 'migrate'; registered jobs: initialize, install", run.Error);
    }

    [Fact]
    public async Task RunAsync_Help_ListsFlagsWithEnvironmentAndDefaults()
    {
        var run = await AppRun.RunAsync(EgoApplication.CreateBuilder(["--help"], AppRun.Environment()));

        Assert.Equal(0, run.ExitCode);
        foreach (var text in new[] { "--config=VALUE", "EGO_CONFIG_PATH", "config/local.toml", "EGO_HOST", "EGO_WATCH", "EGO_DEBUG", "EGO_NAME", "EGO_LOG_PATH", "EGO_TRACE_ID_NAME", "EGO_MODE", "EGO_LOG_WRITER", "EGO_LOG_EXTRA_KEYS", "--dump-config", "--version", "--job" })
        {
            Assert.Contains(text, run.Output);
        }
    }

    [Fact]
    public async Task StartAsync_HttpSectionPresent_ServesEndpointsUntilStopped()
    {
        var file = temp.Write("app.toml", "[server.http]\nhost = \"127.0.0.1\"\nport = 0\n");
        var builder = EgoApplication.CreateBuilder(["--config=" + file], AppRun.Environment());
        var stopped = false;
        builder.OnAfterStop((_, _) =>
        {
            stopped = true;
            return Task.CompletedTask;
        });
        await using var app = builder.Build();
        app.MapGet("/ping", () => "pong");

        await app.StartAsync();
        var address = Assert.Single(app.Addresses);
        using var client = new HttpClient();
        var body = await client.GetStringAsync(address + "/ping");
        await app.StopAsync();

        Assert.Equal("pong", body);
        Assert.True(stopped);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetStringAsync(address + "/ping"));
    }

    [Fact]
    public async Task StartAsync_NoHttpSection_OpensNoHttpPort()
    {
        var builder = EgoApplication.CreateBuilder([], AppRun.Environment());
        await using var app = builder.Build();

        await app.StartAsync();
        var addresses = app.Addresses;
        await app.StopAsync();

        Assert.Empty(addresses);
    }

    [Fact]
    public async Task RunAsync_ServerFailsToStart_FailsFastAndStopsTheOthers()
    {
        var file = temp.Write("app.toml", "[server.http]\nhost = \"127.0.0.1\"\nport = 0\n");
        var builder = EgoApplication.CreateBuilder(["--config=" + file], AppRun.Environment());
        var stopped = false;
        builder.OnAfterStop((_, _) =>
        {
            stopped = true;
            return Task.CompletedTask;
        });
        builder.Services.AddSingleton<IEgoServer>(new FailingServer());

        var run = await AppRun.RunAsync(builder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("msg: start failed", run.Error);
        Assert.Contains("error: SocketException: port 9 is taken", run.Error);
        Assert.True(stopped);
    }

    private sealed class FailingServer : IEgoServer
    {
        public string Name => "server.broken";

        public string Kind => "grpc";

        public IReadOnlyList<string> Addresses => [];

        public Task StartAsync(CancellationToken cancellationToken) => throw new System.Net.Sockets.SocketException(98, "port 9 is taken");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static int CurrentLine([CallerLineNumber] int line = 0) => line;

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
