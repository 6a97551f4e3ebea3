namespace Ego.Resilience.Retries;

/// <summary>gRFC A6 backoff: the delay before retry <c>n</c> is uniform in <c>[0, min(initial * multiplier^(n-1), max))</c>.</summary>
public static class Backoff
{
    /// <summary>The delay before the <paramref name="retry"/>-th retry (1-based), with <paramref name="random"/> in [0, 1).</summary>
    public static TimeSpan Delay(RetryOptions options, int retry, double random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var bound = Math.Min(options.InitialBackoff.TotalMilliseconds * Math.Pow(options.BackoffMultiplier, retry - 1), options.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(bound * Math.Clamp(random, 0, 1));
    }
}
