namespace Ego.Discovery;

/// <summary>
/// Follows the endpoints of one target. Clients read <see cref="WatchAsync"/> for as long as they live and
/// balance over the latest set; a resolver that loses its source keeps the last set it published.
/// </summary>
public interface IServiceResolver : IAsyncDisposable
{
    /// <summary>The target this resolver follows.</summary>
    ResolverTarget Target { get; }

    /// <summary>
    /// The complete endpoint set, first as soon as it is known and again on every change. An empty set means the
    /// source says there is no instance. Ends when <paramref name="cancellationToken"/> fires.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<ServiceEndpoint>> WatchAsync(CancellationToken cancellationToken);

    /// <summary>A hint that connections fail: resolvers that poll (DNS) look again now instead of at the next period.</summary>
    void Refresh();
}
