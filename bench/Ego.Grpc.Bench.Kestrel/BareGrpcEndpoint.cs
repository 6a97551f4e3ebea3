using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Ego.Grpc.Bench.Kestrel;

/// <summary>
/// A bare Kestrel h2c endpoint answering the Echo service's paths with the bytes a gRPC server would write, and
/// nothing else: no gRPC stack, no routing, no middleware. It bounds what any gRPC server on Kestrel can reach.
/// </summary>
public sealed class BareGrpcEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareGrpcEndpoint(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The bound port (the real one when started with port 0).</summary>
    public int Port { get; }

    /// <summary>Starts listening on <paramref name="endPoint"/> (h2c with prior knowledge only).</summary>
    public static async Task<BareGrpcEndpoint> StartAsync(IPEndPoint endPoint, int maxStreamsPerConnection = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            // The same limits GrpcServer sets, so both servers run under the same rules.
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = null;
            options.Limits.MinRequestBodyDataRate = null;
            options.Limits.MinResponseDataRate = null;
            options.Limits.Http2.MaxStreamsPerConnection = maxStreamsPerConnection;
            options.Listen(endPoint, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        app.Run(EchoHandler.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.First();
        return new BareGrpcEndpoint(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
