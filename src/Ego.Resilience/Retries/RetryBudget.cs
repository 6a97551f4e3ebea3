namespace Ego.Resilience.Retries;

/// <summary>gRFC A6 retry throttling shared by the calls of one client; lock-free (tokens are kept in thousandths).</summary>
public sealed class RetryBudget
{
    private readonly int max;
    private readonly int threshold;
    private readonly int ratio;
    private int tokens;

    public RetryBudget(RetryBudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        max = (int)(options.MaxTokens * 1000);
        ratio = (int)(options.TokenRatio * 1000);
        threshold = max / 2;
        tokens = max;
    }

    /// <summary>Tokens left.</summary>
    public double Tokens => Volatile.Read(ref tokens) / 1000.0;

    /// <summary>Whether a retry or hedge may be sent now.</summary>
    public bool CanRetry => Volatile.Read(ref tokens) > threshold;

    /// <summary>An attempt failed with a retryable (or non-fatal) code.</summary>
    public void OnFailure() => Add(-1000);

    /// <summary>An attempt succeeded.</summary>
    public void OnSuccess() => Add(ratio);

    private void Add(int delta)
    {
        var current = Volatile.Read(ref tokens);
        while (true)
        {
            var next = Math.Clamp(current + delta, 0, max);
            if (next == current)
            {
                return;
            }

            var seen = Interlocked.CompareExchange(ref tokens, next, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
