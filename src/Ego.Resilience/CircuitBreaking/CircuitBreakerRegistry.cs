using System.Collections.Concurrent;

namespace Ego.Resilience.CircuitBreaking;

/// <summary>The breakers of one target, one per method, created on first use.</summary>
public sealed class CircuitBreakerRegistry
{
    /// <summary>Methods beyond this many share one breaker, so unbounded method names (raw HTTP paths) cannot grow memory.</summary>
    public const int MaxMethods = 1024;

    private const string OtherMethods = "(other)";

    private readonly ConcurrentDictionary<string, AdaptiveCircuitBreaker> breakers = new(StringComparer.Ordinal);
    private readonly Func<string, AdaptiveCircuitBreaker> create;

    public CircuitBreakerRegistry(string target, CircuitBreakerOptions options, TimeProvider? time = null, Action<AdaptiveCircuitBreaker, BreakerState>? stateChanged = null)
        : this(target, options, time, stateChanged, null)
    {
    }

    internal CircuitBreakerRegistry(string target, CircuitBreakerOptions options, TimeProvider? time, Action<AdaptiveCircuitBreaker, BreakerState>? stateChanged, Func<double>? random)
    {
        ArgumentNullException.ThrowIfNull(options);
        Target = target ?? throw new ArgumentNullException(nameof(target));
        var clock = time ?? TimeProvider.System;
        create = method => new AdaptiveCircuitBreaker(target, method, options, clock, stateChanged, random);
    }

    public string Target { get; }

    /// <summary>The breaker of <paramref name="method"/>.</summary>
    public AdaptiveCircuitBreaker Get(string method)
    {
        if (breakers.TryGetValue(method, out var breaker))
        {
            return breaker;
        }

        return breakers.Count >= MaxMethods ? breakers.GetOrAdd(OtherMethods, create) : breakers.GetOrAdd(method, create);
    }

    /// <summary>The breakers created so far.</summary>
    public IEnumerable<AdaptiveCircuitBreaker> All => breakers.Values;
}
