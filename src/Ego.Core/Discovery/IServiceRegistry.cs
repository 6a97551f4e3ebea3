namespace Ego.Discovery;

/// <summary>
/// A registry servers announce themselves in. The host registers every gRPC and HTTP server once the application is
/// ready and deregisters it when stopping begins, before the server stops accepting calls.
/// </summary>
public interface IServiceRegistry
{
    /// <summary>Publishes <paramref name="registration"/> and keeps it alive until deregistered.</summary>
    Task RegisterAsync(ServiceRegistration registration, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="registration"/>; a no-op for one not registered.</summary>
    Task DeregisterAsync(ServiceRegistration registration, CancellationToken cancellationToken);
}
