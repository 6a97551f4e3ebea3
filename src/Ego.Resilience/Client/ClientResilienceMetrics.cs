using System.Diagnostics.Metrics;

namespace Ego.Resilience.Client;

/// <summary>
/// The client half of the <c>Ego.Resilience</c> meter: rejections, breaker state changes and extra attempts of
/// gRPC and HTTP clients, labelled <c>type</c> (grpc or http), <c>name</c> (the client's key) and <c>method</c>.
/// </summary>
public static class ClientResilienceMetrics
{
    public const string MeterName = "Ego.Resilience";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "ego_resilience_client_rejected_total", null, "Client calls failed locally without reaching the downstream, by reason (breaker_open, rate_limited).");

    private static readonly Counter<long> BreakerChanges = Meter.CreateCounter<long>(
        "ego_resilience_client_breaker_changes_total", null, "Changes of a client breaker's state (open, closed).");

    private static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "ego_resilience_client_attempts_total", null, "Attempts of client calls after the first, by kind (retry, hedge), and retries withheld (throttled).");

    /// <summary>Reasons and kinds used as label values.</summary>
    public const string BreakerOpen = "breaker_open";

    public const string RateLimited = "rate_limited";

    public const string Retry = "retry";

    public const string Hedge = "hedge";

    public const string Throttled = "throttled";

    public static void CountRejected(string type, string name, string method, string reason)
    {
        if (Rejected.Enabled)
        {
            Rejected.Add(1, new("type", type), new("name", name), new("method", method), new("reason", reason));
        }
    }

    public static void CountBreakerChange(string type, string name, string method, string state)
    {
        if (BreakerChanges.Enabled)
        {
            BreakerChanges.Add(1, new("type", type), new("name", name), new("method", method), new("state", state));
        }
    }

    public static void CountAttempt(string type, string name, string method, string kind)
    {
        if (Attempts.Enabled)
        {
            Attempts.Add(1, new("type", type), new("name", name), new("method", method), new("kind", kind));
        }
    }
}
