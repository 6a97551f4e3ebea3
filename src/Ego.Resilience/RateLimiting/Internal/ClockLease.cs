using System.Threading.RateLimiting;

namespace Ego.Resilience.RateLimiting.Internal;

/// <summary>The leases of the clock-driven limiters: one shared success, and failures carrying the retry hint.</summary>
internal sealed class ClockLease : RateLimitLease
{
    public static readonly ClockLease Acquired = new(true, null);

    private readonly TimeSpan? retryAfter;

    private ClockLease(bool acquired, TimeSpan? retryAfter)
    {
        IsAcquired = acquired;
        this.retryAfter = retryAfter;
    }

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public static ClockLease Refused(TimeSpan retryAfter) => new(false, retryAfter);

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = value;
            return true;
        }

        metadata = null;
        return false;
    }
}
