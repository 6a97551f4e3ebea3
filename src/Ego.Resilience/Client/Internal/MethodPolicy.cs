using Ego.Resilience.CircuitBreaking;

namespace Ego.Resilience.Client.Internal;

/// <summary>What governs calls of one method, resolved once and cached by <see cref="ClientResilience"/>.</summary>
internal sealed class MethodPolicy(string method, AdaptiveCircuitBreaker? breaker, int retryAttempts, int hedgeAttempts)
{
    public string Method { get; } = method;

    /// <summary>The method's breaker; null when breakers are off.</summary>
    public AdaptiveCircuitBreaker? Breaker { get; } = breaker;

    /// <summary>Attempts per call with retries; 1 when the method is not retried.</summary>
    public int RetryAttempts { get; } = retryAttempts;

    /// <summary>Attempts per call with hedging; 1 when the method does not hedge.</summary>
    public int HedgeAttempts { get; } = hedgeAttempts;
}
