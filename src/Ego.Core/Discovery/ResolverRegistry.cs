using Ego.Discovery.Internal;

namespace Ego.Discovery;

/// <summary>
/// Turns a client's <c>addr</c> into a resolver: <c>host:port</c> lists and <c>dns:///</c> are built in, every other
/// scheme comes from an <see cref="IServiceResolverFactory"/> (registered in DI by <c>k8s</c>, <c>etcd</c>...).
/// </summary>
public sealed class ResolverRegistry
{
    /// <summary>The scheme of <c>dns:///host:port</c>.</summary>
    public const string DnsScheme = "dns";

    private readonly Dictionary<string, IServiceResolverFactory> _factories = new(StringComparer.Ordinal);
    private readonly TimeSpan _dnsRefreshInterval;
    private readonly TimeProvider _timeProvider;

    /// <param name="factories">Resolvers of further schemes; a factory of a built-in scheme replaces it.</param>
    /// <param name="dnsRefreshInterval">How often <c>dns:///</c> looks the host up again.</param>
    /// <param name="timeProvider">The clock of periodic lookups.</param>
    public ResolverRegistry(IEnumerable<IServiceResolverFactory>? factories = null, TimeSpan? dnsRefreshInterval = null, TimeProvider? timeProvider = null)
    {
        foreach (var factory in factories ?? [])
        {
            _factories[factory.Scheme.ToLowerInvariant()] = factory;
        }

        _dnsRefreshInterval = dnsRefreshInterval ?? TimeSpan.FromSeconds(30);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Every scheme <see cref="Create"/> accepts, sorted.</summary>
    public IReadOnlyList<string> Schemes => [.. _factories.Keys.Append(DnsScheme).Append(ResolverTarget.StaticScheme).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>A resolver for <paramref name="address"/>.</summary>
    /// <exception cref="FormatException">The address is malformed or names an unknown scheme; the message names the address and lists the known schemes.</exception>
    public IServiceResolver Create(string address)
    {
        var target = ResolverTarget.Parse(address);
        if (_factories.TryGetValue(target.Scheme, out var factory))
        {
            return factory.Create(target);
        }

        return target.Scheme switch
        {
            ResolverTarget.StaticScheme => StaticResolver.Create(target),
            DnsScheme => DnsResolver.Create(target, _dnsRefreshInterval, _timeProvider),
            _ => throw new FormatException($"addr '{address}' uses the unknown resolver scheme '{target.Scheme}': known schemes are {string.Join(", ", Schemes)} (k8s and etcd need their package registered)"),
        };
    }
}
