using Ego.Components;

namespace Ego.Resilience.ClientRateLimiting;

/// <summary>Token bucket of a client's outgoing calls, under <c>rateLimit</c>; a call over the limit fails at once.</summary>
public sealed class ClientRateLimitOptions : IComponentOptions
{
    /// <summary>Calls per second; 0 (the default) turns the limit off.</summary>
    public double Rps { get; set; }

    /// <summary>Calls allowed at once after a quiet period; 0 uses <see cref="Rps"/> (at least 1).</summary>
    public int Burst { get; set; }

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!(Rps >= 0) || double.IsInfinity(Rps))
        {
            errors.Add(new("rps", $"{Rps} must be a non-negative number, e.g. 100 (0 turns the limit off)"));
        }

        if (Burst < 0)
        {
            errors.Add(new("burst", $"{Burst} must not be negative, e.g. 20 (0 uses rps)"));
        }
    }
}
