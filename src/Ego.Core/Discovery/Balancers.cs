using Ego.Discovery.Internal;

namespace Ego.Discovery;

/// <summary>The built-in balancers, by their config names (<c>balancerName</c>, EGO's key).</summary>
public static class Balancers
{
    /// <summary>Each call to the next ready endpoint in turn (the default).</summary>
    public const string RoundRobin = "round_robin";

    /// <summary>Power of two choices over latency EWMA x in-flight, as go-zero's.</summary>
    public const string P2cEwma = "p2c_ewma";

    /// <summary>The first ready endpoint in resolver order; the next ones only while it fails.</summary>
    public const string PickFirst = "pick_first";

    /// <summary>Every name <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [RoundRobin, P2cEwma, PickFirst];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>A new balancer named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>; the message lists them.</exception>
    public static IBalancer Create(string name, TimeProvider? timeProvider = null) => name switch
    {
        RoundRobin => new RoundRobinBalancer(),
        P2cEwma => new P2cEwmaBalancer(timeProvider ?? TimeProvider.System),
        PickFirst => new PickFirstBalancer(),
        _ => throw new ArgumentException($"balancer '{name}' is not supported: expected {string.Join(", ", Names)}", nameof(name)),
    };
}
