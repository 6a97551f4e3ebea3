using Ego.Components;

namespace Ego.Resilience.Retries;

/// <summary>
/// gRFC A6 hedging of idempotent unary calls, under <c>hedging</c>: another attempt is sent every
/// <see cref="HedgingDelay"/> while none has answered, up to <see cref="MaxAttempts"/>; the first answer wins.
/// A method that hedges is not retried.
/// </summary>
public sealed class HedgingOptions : IComponentOptions
{
    /// <summary>Attempts per call, the first included; 1 (the default) turns hedging off.</summary>
    public int MaxAttempts { get; set; } = 1;

    /// <summary>Wait before each further attempt; zero sends all attempts at once.</summary>
    public TimeSpan HedgingDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Codes after which the remaining attempts still count (the next one is sent at once); others end the call.</summary>
    public List<string> NonFatalCodes { get; set; } = [];

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (MaxAttempts is < 1 or > 10)
        {
            errors.Add(new("maxAttempts", $"{MaxAttempts} must be between 1 and 10, e.g. 2 (1 turns hedging off)"));
        }

        if (HedgingDelay < TimeSpan.Zero)
        {
            errors.Add(new("hedgingDelay", $"{HedgingDelay} must not be negative, e.g. \"50ms\""));
        }
    }
}
