namespace Ego.Resilience.CircuitBreaking;

/// <summary>State of an adaptive breaker.</summary>
public enum BreakerState
{
    /// <summary>Every call goes through.</summary>
    Closed,

    /// <summary>Calls are dropped locally with the breaker's drop ratio; a probe goes through at least once per probe interval.</summary>
    Open,
}
