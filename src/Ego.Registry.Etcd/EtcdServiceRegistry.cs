using System.Collections.Concurrent;
using Ego.Discovery;
using Ego.Registry.Etcd.Internal;

namespace Ego.Registry.Etcd;

/// <summary>
/// Registers servers in etcd under <see cref="EtcdServiceKey"/> with a lease of <c>registry.serviceTTL</c> kept alive in
/// the background; a lost lease or a deleted key is registered again. Deregistering deletes the key and revokes the lease.
/// </summary>
public sealed class EtcdServiceRegistry : IServiceRegistry, IAsyncDisposable
{
    private readonly EtcdClient client;
    private readonly EtcdRegistryOptions options;
    private readonly ConcurrentDictionary<string, RegistrationSession> sessions = new(StringComparer.Ordinal);

    public EtcdServiceRegistry(EtcdClient client, EtcdRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        this.client = client;
        this.options = options;
    }

    /// <summary>The key <paramref name="registration"/> is published under.</summary>
    public string KeyOf(ServiceRegistration registration)
        => EtcdServiceKey.Format(options.Prefix, registration.AppName, registration.Kind, registration.Endpoint);

    /// <summary>
    /// Starts keeping <paramref name="registration"/> registered and waits for the first put. When etcd cannot be reached
    /// this throws, and the registration keeps being retried in the background until deregistered.
    /// </summary>
    public async Task RegisterAsync(ServiceRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var key = KeyOf(registration);
        var session = sessions.GetOrAdd(key, k => new RegistrationSession(client, options, k, ServiceInfo.From(registration).ToJson()));
        lock (session)
        {
            if (!session.IsStarted)
            {
                session.Start();
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ReadTimeout);
        await session.Registered.WaitAsync(timeout.Token).ConfigureAwait(false);
    }

    public async Task DeregisterAsync(ServiceRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (sessions.TryRemove(KeyOf(registration), out var session))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ReadTimeout);
            await session.StopAsync(timeout.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Deregisters whatever is still registered.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var key in sessions.Keys.ToList())
        {
            if (sessions.TryRemove(key, out var session))
            {
                using var timeout = new CancellationTokenSource(options.ReadTimeout);
                await session.StopAsync(timeout.Token).ConfigureAwait(false);
            }
        }
    }
}
