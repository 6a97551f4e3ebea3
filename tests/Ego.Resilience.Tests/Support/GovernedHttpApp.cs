using System.Text.Json;
using Ego.Hosting;
using Ego.Logging;
using Ego.Resilience.LoadShedding;
using Ego.Resilience.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Resilience.Tests.Support;

/// <summary>
/// An <see cref="EgoApplication"/> whose HTTP server (127.0.0.1, free port) has governance from a TOML config file,
/// logging to a temporary directory read back after the application stops.
/// </summary>
internal sealed class GovernedHttpApp : IAsyncDisposable
{
    private readonly TempFile config;
    private readonly string logs;
    private bool stopped;

    private GovernedHttpApp(TempFile config, string logs, EgoApplication app)
    {
        this.config = config;
        this.logs = logs;
        App = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Addresses[0]), Timeout = TimeSpan.FromSeconds(30) };
    }

    public EgoApplication App { get; }

    public HttpClient Client { get; }

    /// <param name="httpSection">Extra TOML lines of <c>[server.http]</c>.</param>
    /// <param name="map">Maps the routes.</param>
    /// <param name="cpu">The shedder's CPU figure.</param>
    public static async Task<GovernedHttpApp> StartAsync(string httpSection, Action<EgoApplication> map, ICpuUsageSource? cpu = null)
    {
        var config = new TempFile("local.toml", "[server.http]\nhost = \"127.0.0.1\"\nport = 0\n" + httpSection + "\n[app]\ndrainDelay = \"0s\"\n\n[logger.ego]\nenableAsync = false\n");
        var logs = Path.Combine(config.Directory, "logs");
        var builder = EgoApplication.CreateBuilder(["--config=" + config.Path, "--watch=false"], new Dictionary<string, string?> { ["EGO_LOG_PATH"] = logs });
        builder.Services.AddSingleton(cpu ?? new ScriptedCpu());
        builder.AddHttpResilience();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new GovernedHttpApp(config, logs, app);
    }

    /// <summary>Stops the application and returns every line of its framework log, parsed.</summary>
    public async Task<List<JsonElement>> StopAndReadLogAsync()
    {
        await StopAsync();
        var path = Path.Combine(logs, EgoLoggerProvider.FrameworkFileName);
        return [.. File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        config.Dispose();
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
