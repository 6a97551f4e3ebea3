using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ego.Resilience.Server;

/// <summary>
/// The server side of the <c>Ego.Resilience</c> meter: refused and shed calls, hit deadlines and caught exceptions.
/// Labels: <c>type</c> (grpc, http, background), <c>name</c> (the server's config key), <c>method</c>, <c>reason</c>.
/// </summary>
public static class ServerResilienceMetrics
{
    public const string MeterName = "Ego.Resilience";

    /// <summary>Reasons of <c>ego_resilience_server_rejected_total</c>.</summary>
    public const string RateLimit = "rate_limit";

    public const string MaxConcurrent = "max_concurrent";

    public const string Shed = "shed";

    public const string BodyTooLarge = "body_too_large";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "ego_resilience_server_rejected_total", null, "Calls a server refused (rate limit, concurrency cap, body size) or shed, by reason.");

    private static readonly Counter<long> Timeouts = Meter.CreateCounter<long>(
        "ego_resilience_server_timeout_total", null, "Calls that hit the deadline set by the server's config.");

    private static readonly Counter<long> Panics = Meter.CreateCounter<long>(
        "ego_resilience_panics_total", null, "Exceptions caught from handlers, interceptors and background tasks.");

    public static void Rejection(string type, string name, string method, string reason)
    {
        if (Rejected.Enabled)
        {
            Rejected.Add(1, new TagList { { "type", type }, { "name", name }, { "method", method }, { "reason", reason } });
        }
    }

    public static void Timeout(string type, string name, string method)
    {
        if (Timeouts.Enabled)
        {
            Timeouts.Add(1, new TagList { { "type", type }, { "name", name }, { "method", method } });
        }
    }

    public static void Panic(string type, string name, string method)
    {
        if (Panics.Enabled)
        {
            Panics.Add(1, new TagList { { "type", type }, { "name", name }, { "method", method } });
        }
    }
}
