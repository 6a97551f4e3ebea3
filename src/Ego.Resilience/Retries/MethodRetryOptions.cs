namespace Ego.Resilience.Retries;

/// <summary>Retry settings of one method, under <c>retry.perMethod.&lt;method&gt;</c>.</summary>
public sealed class MethodRetryOptions
{
    /// <summary>Marks the method idempotent (retried); false never retries it, even when <c>retry.methods</c> matches.</summary>
    public bool Enable { get; set; } = true;

    /// <summary>Attempts of this method; 0 uses <c>retry.maxAttempts</c>.</summary>
    public int MaxAttempts { get; set; }
}
