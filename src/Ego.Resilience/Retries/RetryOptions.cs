using Ego.Components;
using Ego.Resilience.Client.Internal;

namespace Ego.Resilience.Retries;

/// <summary>
/// Retries of a client (gRFC A6 retry policy), under <c>retry</c>. Only idempotent methods are retried: those listed in
/// <see cref="Methods"/> or enabled in <see cref="PerMethod"/> (HTTP: GET, HEAD and OPTIONS when neither is set).
/// </summary>
public sealed class RetryOptions : IComponentOptions
{
    /// <summary>Attempts per call, the first included; 1 turns retries off. gRPC caps it at 5.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Codes retried: gRPC names (<c>UNAVAILABLE</c>) or HTTP statuses (<c>503</c>). Empty: UNAVAILABLE, or 502, 503 and 504 for HTTP.</summary>
    public List<string> Codes { get; set; } = [];

    /// <summary>Idempotent methods: <c>/pkg.Service/Method</c>, a prefix ending in <c>*</c> (<c>/pkg.Service/*</c>) or <c>*</c>; for HTTP, verbs such as <c>GET</c>.</summary>
    public List<string> Methods { get; set; } = [];

    /// <summary>Per-method switches and attempt counts, keyed by the full method name (HTTP: by verb).</summary>
    public Dictionary<string, MethodRetryOptions> PerMethod { get; set; } = [];

    /// <summary>Upper bound of the random delay before the first retry.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Upper bound of every delay.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Growth of the bound per retry.</summary>
    public double BackoffMultiplier { get; set; } = 2;

    /// <summary>Retry throttling of the whole client, shared by retries and hedges.</summary>
    public RetryBudgetOptions Budget { get; set; } = new();

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (MaxAttempts is < 1 or > 10)
        {
            errors.Add(new("maxAttempts", $"{MaxAttempts} must be between 1 and 10, e.g. 3"));
        }

        if (InitialBackoff <= TimeSpan.Zero)
        {
            errors.Add(new("initialBackoff", $"{InitialBackoff} must be positive, e.g. \"100ms\""));
        }

        if (MaxBackoff < InitialBackoff)
        {
            errors.Add(new("maxBackoff", $"{MaxBackoff} must be at least initialBackoff ({InitialBackoff})"));
        }

        if (!(BackoffMultiplier >= 1))
        {
            errors.Add(new("backoffMultiplier", $"{BackoffMultiplier} must be at least 1, e.g. 2"));
        }

        foreach (var (method, options) in PerMethod)
        {
            if (options.MaxAttempts is < 0 or > 10)
            {
                errors.Add(new($"perMethod.{method}.maxAttempts", $"{options.MaxAttempts} must be between 1 and 10, or 0 for the client's"));
            }
        }

        Nested.Validate("budget", Budget, errors);
    }
}
