using System.Net;
using Ego.Governor.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ego.Governor.Tests.Metrics;

/// <summary>A real Kestrel application on 127.0.0.1 with an ephemeral port, serving the metrics endpoint.</summary>
internal sealed class MetricsApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private MetricsApp(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<MetricsApp> StartAsync(Action<MetricsOptions> configure, string pattern = "/metrics")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddEgoMetrics(configure);
        var app = builder.Build();
        app.MapPrometheusMetrics(pattern);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new MetricsApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
