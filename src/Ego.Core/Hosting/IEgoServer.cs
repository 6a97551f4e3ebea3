namespace Ego.Hosting;

/// <summary>
/// A server the application starts after its components and stops gracefully on shutdown
/// (gRPC, HTTP, governor). Registered in DI; the application host owns its lifetime.
/// </summary>
public interface IEgoServer
{
    /// <summary>The config key the server was built from, e.g. <c>server.grpc</c>.</summary>
    string Name { get; }

    /// <summary>The kind of server: <c>grpc</c>, <c>http</c> or <c>governor</c>.</summary>
    string Kind { get; }

    /// <summary>The addresses the server listens on, known once started.</summary>
    IReadOnlyList<string> Addresses { get; }

    /// <summary>Binds and starts accepting calls.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops accepting new calls and lets in-flight calls finish until <paramref name="cancellationToken"/> fires.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
