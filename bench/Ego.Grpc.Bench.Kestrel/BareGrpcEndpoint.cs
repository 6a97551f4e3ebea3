using System.Net;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ego.Grpc.Bench.Kestrel;

/// <summary>
/// A bare Kestrel h2c endpoint answering the Echo service's paths with the bytes a gRPC server would write, and
/// nothing else: a raw request delegate on <see cref="KestrelServer"/> (no hosting layer, routing or middleware), so
/// it bounds what any gRPC server on Kestrel can reach.
/// </summary>
public sealed class BareGrpcEndpoint : IAsyncDisposable
{
    private readonly KestrelServer _kestrel;

    private BareGrpcEndpoint(KestrelServer kestrel, int port)
    {
        _kestrel = kestrel;
        Port = port;
    }

    /// <summary>The bound port (the real one when started with port 0).</summary>
    public int Port { get; }

    /// <summary>Starts listening on <paramref name="endPoint"/> (h2c with prior knowledge only).</summary>
    public static async Task<BareGrpcEndpoint> StartAsync(IPEndPoint endPoint, int maxStreamsPerConnection = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);

        // The same limits GrpcServer sets, so both servers run under the same rules.
        var options = new KestrelServerOptions
        {
            AddServerHeader = false,
            ApplicationServices = new ServiceCollection().AddSingleton(NullLoggerFactory.Instance).BuildServiceProvider(),
        };
        options.Limits.MaxRequestBodySize = null;
        options.Limits.MinRequestBodyDataRate = null;
        options.Limits.MinResponseDataRate = null;
        options.Limits.Http2.MaxStreamsPerConnection = maxStreamsPerConnection;
        options.Limits.KeepAliveTimeout = TimeSpan.FromDays(365);
        options.Listen(endPoint, listen => listen.Protocols = HttpProtocols.Http2);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        var kestrel = new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance);
        await kestrel.StartAsync(new EchoApplication(), cancellationToken).ConfigureAwait(false);
        var address = kestrel.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BareGrpcEndpoint(kestrel, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _kestrel.StopAsync(timeout.Token).ConfigureAwait(false);
        _kestrel.Dispose();
    }
}
