using System.Text.Json;
using Ego.Hosting;
using Ego.Logging;

namespace Ego.Core.Tests.Observability;

/// <summary>
/// An <see cref="EgoApplication"/> serving <c>server.http</c> on 127.0.0.1 with a free port, logging JSON lines to a
/// temporary ego.sys, with a unique application name.
/// </summary>
internal sealed class HttpApp : IAsyncDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "ego-http-access-tests", Guid.NewGuid().ToString("N"));
    private bool stopped;

    private HttpApp(EgoApplication app) => App = app;

    public EgoApplication App { get; private set; }

    public string AppName { get; } = "app-" + Guid.NewGuid().ToString("N")[..8];

    public HttpClient Client { get; private set; } = new();

    /// <param name="map">Maps the routes under test.</param>
    /// <param name="args">Extra flags, e.g. <c>--server.http.slowLogThreshold=50ms</c>.</param>
    public static async Task<HttpApp> StartAsync(Action<EgoApplication> map, params string[] args)
    {
        var harness = new HttpApp(null!);
        Directory.CreateDirectory(harness.dir);
        var environment = new Dictionary<string, string?>
        {
            ["EGO_LOG_PATH"] = harness.dir,
            ["EGO_NAME"] = harness.AppName,
            ["EGO_LOG_EXTRA_KEYS"] = "x-ego-uid",
        };
        var builder = EgoApplication.CreateBuilder(
            ["--server.http.host=127.0.0.1", "--server.http.port=0", "--logger.ego.writer=file", "--logger.ego.enableAsync=false", .. args],
            environment);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        harness.App = app;
        harness.Client = new HttpClient { BaseAddress = new Uri(app.Addresses[0]), Timeout = TimeSpan.FromSeconds(30) };
        return harness;
    }

    /// <summary>Stops the application (flushing its logs) and returns its access lines, parsed.</summary>
    public async Task<List<JsonElement>> AccessLinesAsync()
    {
        await StopAsync();
        var path = Path.Combine(dir, EgoLoggerProvider.FrameworkFileName);
        var lines = File.Exists(path) ? await File.ReadAllLinesAsync(path) : [];
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).Where(e => e.GetProperty("msg").GetString() == "access")];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open must not hide the test's own result.
        }
    }

    private async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            Client.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
