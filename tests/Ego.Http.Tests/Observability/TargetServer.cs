using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ego.Http.Tests.Observability;

/// <summary>A Kestrel server on 127.0.0.1 with routes answering 200, 404, 503 or slowly, recording the headers it saw.</summary>
internal sealed class TargetServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TargetServer(WebApplication app) => this.app = app;

    public string Address => app.Urls.First();

    public string Authority => new Uri(Address).Authority;

    /// <summary>A copy of the last request's headers (Kestrel reuses the live collection).</summary>
    public Dictionary<string, string> LastHeaders { get; private set; } = [];

    public static async Task<TargetServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new TargetServer(app);
        app.Use((context, next) =>
        {
            server.LastHeaders = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            return next(context);
        });
        app.MapGet("/ok", () => "fine");
        app.MapPost("/echo", async (HttpRequest request) => await new StreamReader(request.Body).ReadToEndAsync());
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/down", () => Results.StatusCode(503));
        app.MapGet("/slow", async () =>
        {
            await Task.Delay(300);
            return "late";
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
