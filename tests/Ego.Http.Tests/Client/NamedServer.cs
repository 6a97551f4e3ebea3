using Ego.Grpc;
using Ego.Grpc.Errors;
using Ego.Http.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ego.Http.Tests.Client;

/// <summary>A Kestrel server on 127.0.0.1 that answers with its name, counts requests and fails the way tests ask.</summary>
internal sealed class NamedServer : IAsyncDisposable
{
    public static readonly EgoError OrderClosed = EgoErrorRegistry.Register(new EgoError(StatusCode.FailedPrecondition, "client.v1.ORDER_CLOSED", "order closed"));

    private readonly WebApplication app;
    private int requests;

    private NamedServer(WebApplication app, string name)
    {
        this.app = app;
        Name = name;
    }

    public string Name { get; }

    public int Requests => Volatile.Read(ref requests);

    public int Port => new Uri(app.Urls.First()).Port;

    public string Authority => new Uri(app.Urls.First()).Authority;

    /// <summary>The <c>app</c> header of the last request.</summary>
    public string? LastApp { get; private set; }

    public static async Task<NamedServer> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new NamedServer(app, name);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref server.requests);
            server.LastApp = context.Request.Headers["app"].ToString();
            return next(context);
        });
        app.MapGet("/who", () => Results.Json(new Reply(name)));
        app.MapPost("/echo", (Reply body) => Results.Json(new Reply(name + ":" + body.Name)));
        app.MapGet("/orders/{id}", (string id) => HttpErrors.ToResult(OrderClosed.WithMetadata("id", id)));
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    internal sealed record Reply(string Name);
}
