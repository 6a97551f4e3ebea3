using Ego.Components;

namespace Ego.Resilience.Server;

/// <summary>
/// Traffic governance of one server, bound from the server's own section (<c>server.grpc</c>, <c>server.http</c>).
/// Production-safe defaults: shedding and isolation on; rate limits, concurrency cap and timeouts off until configured.
/// </summary>
public sealed class ServerResilienceOptions : IComponentOptions
{
    /// <summary>Applies the rules of <see cref="RateLimitRules"/>; without a rules file nothing is limited.</summary>
    public bool EnableRateLimit { get; set; } = true;

    /// <summary>Rules file (.toml or .json), relative to the working directory; watched, edits apply without restart.</summary>
    public string RateLimitRules { get; set; } = "";

    /// <summary>Drops calls adaptively when the container's CPU is over <see cref="SheddingCpuThreshold"/>.</summary>
    public bool EnableShedding { get; set; } = true;

    /// <summary>CPU usage, in per-mille of the container's quota (go-zero's notation: 900 = 90%), from which calls may be shed.</summary>
    public int SheddingCpuThreshold { get; set; } = 900;

    /// <summary>Window of the shedder's pass and latency statistics (go-zero: 5s).</summary>
    public TimeSpan SheddingWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Buckets of <see cref="SheddingWindow"/> (go-zero: 50).</summary>
    public int SheddingBuckets { get; set; } = 50;

    /// <summary>Calls in flight on the whole server beyond which new calls are refused; 0 for no cap.</summary>
    public int MaxConcurrentCalls { get; set; }

    /// <summary>Server-wide deadline of a call; the caller's deadline wins when it is sooner. 0 for none.</summary>
    public TimeSpan Timeout { get; set; }

    /// <summary>Per-method (<c>/pkg.Svc/Method</c>) or per-route (<c>GET./path</c>) deadlines overriding <see cref="Timeout"/>.</summary>
    public Dictionary<string, TimeSpan> MethodTimeouts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Largest HTTP request body accepted, in bytes (413 beyond it); 0 keeps the server's own limit. HTTP only.</summary>
    public long MaxRequestBodySize { get; set; }

    /// <summary>Counts exceptions of handlers and interceptors (<c>ego_resilience_panics_total</c>) and keeps them from escaping.</summary>
    public bool EnableIsolation { get; set; } = true;

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (SheddingCpuThreshold is <= 0 or >= 1000)
        {
            errors.Add(new("sheddingCpuThreshold", $"{SheddingCpuThreshold} is out of range: expected per-mille of the CPU quota between 1 and 999, e.g. 900 for 90%"));
        }

        if (SheddingWindow <= TimeSpan.Zero)
        {
            errors.Add(new("sheddingWindow", $"{SheddingWindow} must be positive, e.g. \"5s\""));
        }

        if (SheddingBuckets is < 2 or > 1000)
        {
            errors.Add(new("sheddingBuckets", $"{SheddingBuckets} is out of range: expected 2 to 1000, e.g. 50"));
        }

        if (MaxConcurrentCalls < 0)
        {
            errors.Add(new("maxConcurrentCalls", $"{MaxConcurrentCalls} is negative: expected a count or 0 for no cap"));
        }

        if (Timeout < TimeSpan.Zero)
        {
            errors.Add(new("timeout", $"{Timeout} is negative: expected a duration such as \"1s\" or 0 for none"));
        }

        foreach (var (method, timeout) in MethodTimeouts)
        {
            if (timeout <= TimeSpan.Zero)
            {
                errors.Add(new("methodTimeouts." + method, $"{timeout} must be positive, e.g. \"200ms\""));
            }
        }

        if (MaxRequestBodySize < 0)
        {
            errors.Add(new("maxRequestBodySize", $"{MaxRequestBodySize} is negative: expected bytes or 0 for the server's limit"));
        }

        if (RateLimitRules.Length > 0 && !File.Exists(RateLimitRules))
        {
            errors.Add(new("rateLimitRules", $"'{RateLimitRules}' does not exist: expected a .toml or .json rules file"));
        }
    }
}
