using Ego.Components;

namespace Ego.Resilience.CircuitBreaking;

/// <summary>
/// The adaptive breaker of a client (Google SRE client-side throttling): calls are dropped locally with probability
/// <c>max(0, (requests - protection - k * accepts) / (requests + 1))</c> over a rolling window. Keys under <c>breaker</c>.
/// </summary>
public sealed class CircuitBreakerOptions : IComponentOptions
{
    /// <summary>How much more than the accepted calls the downstream may be asked; lower drops sooner (SRE book: 1.5 to 2).</summary>
    public double K { get; set; } = 1.5;

    /// <summary>Requests in the window that are never dropped, so a quiet method is not cut off by a few failures.</summary>
    public int Protection { get; set; } = 5;

    /// <summary>Length of the rolling window of outcomes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Buckets of the window; the oldest bucket leaves the window as a whole.</summary>
    public int Buckets { get; set; } = 40;

    /// <summary>While dropping, one call is let through when none passed for this long, to see the downstream recover.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!(K >= 1))
        {
            errors.Add(new("k", $"{K} must be at least 1, e.g. 1.5"));
        }

        if (Protection < 0)
        {
            errors.Add(new("protection", $"{Protection} must not be negative, e.g. 5"));
        }

        if (Window <= TimeSpan.Zero)
        {
            errors.Add(new("window", $"{Window} must be positive, e.g. \"10s\""));
        }

        if (Buckets is < 1 or > 1000)
        {
            errors.Add(new("buckets", $"{Buckets} must be between 1 and 1000, e.g. 40"));
        }

        if (ProbeInterval <= TimeSpan.Zero)
        {
            errors.Add(new("probeInterval", $"{ProbeInterval} must be positive, e.g. \"1s\""));
        }
    }
}
