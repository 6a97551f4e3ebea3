using System.Collections.Concurrent;

namespace Ego.Resilience.Client;

/// <summary>
/// The governance state of every client of the application by config key, so an HTTP client keeps its breakers when
/// its handlers are recreated, and the governor can show them all.
/// </summary>
public sealed class ClientResilienceRegistry
{
    private readonly ConcurrentDictionary<string, ClientResilience> clients = new(StringComparer.Ordinal);

    /// <summary>The state of <paramref name="name"/>, created by <paramref name="create"/> on first use.</summary>
    public ClientResilience GetOrAdd(string name, Func<ClientResilience> create)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(create);
        return clients.GetOrAdd(name, static (_, c) => c(), create);
    }

    /// <summary>Every client registered so far.</summary>
    public IEnumerable<ClientResilience> All => clients.Values;
}
