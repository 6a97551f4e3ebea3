using System.Text.Json.Nodes;

namespace Ego.Discovery;

/// <summary>The governor's view of a client's endpoints: one object per endpoint with its state and figures.</summary>
public static class EndpointStats
{
    /// <summary>
    /// <c>[{address, state, inFlight, calls, failures, connectFailures, latencyMs, success}]</c>; state is <c>ready</c>, or
    /// <c>backoff</c> while the endpoint is skipped after a failed connection.
    /// </summary>
    public static JsonArray Snapshot(BalancedEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var now = endpoints.TimeProvider.GetTimestamp();
        return new JsonArray([.. endpoints.Subchannels.Select(s => (JsonNode?)new JsonObject
        {
            ["address"] = s.Endpoint.Address,
            ["state"] = s.IsReady(now) ? "ready" : "backoff",
            ["inFlight"] = s.InFlight,
            ["calls"] = s.Calls,
            ["failures"] = s.Failures,
            ["connectFailures"] = s.ConnectFailures,
            ["latencyMs"] = Math.Round(s.LatencyNanos / 1e6, 3),
            ["success"] = s.Success,
        })]);
    }
}
