using Ego.Components;
using Ego.Resilience.CircuitBreaking;
using Ego.Resilience.ClientRateLimiting;
using Ego.Resilience.Client.Internal;
using Ego.Resilience.Retries;

namespace Ego.Resilience.Client;

/// <summary>
/// Traffic governance of one gRPC or HTTP client, bound from the client's own section (<c>grpc.&lt;name&gt;</c> or
/// <c>http.&lt;name&gt;</c>), next to its connection keys.
/// </summary>
public sealed class ClientResilienceOptions : IComponentOptions
{
    /// <summary>Adaptive circuit breaker per method.</summary>
    public bool EnableBreaker { get; set; } = true;

    /// <summary>Retries and hedging of idempotent methods (none are retried unless listed in <c>retry.methods</c>/<c>retry.perMethod</c>).</summary>
    public bool EnableRetry { get; set; } = true;

    /// <summary>Client-side token bucket (off until <c>rateLimit.rps</c> is set).</summary>
    public bool EnableRateLimit { get; set; } = true;

    public CircuitBreakerOptions Breaker { get; set; } = new();

    public RetryOptions Retry { get; set; } = new();

    public HedgingOptions Hedging { get; set; } = new();

    public ClientRateLimitOptions RateLimit { get; set; } = new();

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Nested.Validate("breaker", Breaker, errors);
        Nested.Validate("retry", Retry, errors);
        Nested.Validate("hedging", Hedging, errors);
        Nested.Validate("rateLimit", RateLimit, errors);
        CodeSet.Check("retry.codes", Retry.Codes, errors);
        CodeSet.Check("hedging.nonFatalCodes", Hedging.NonFatalCodes, errors);
    }
}
