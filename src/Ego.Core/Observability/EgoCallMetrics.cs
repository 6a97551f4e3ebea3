using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ego.Observability;

/// <summary>
/// The <c>Ego.Calls</c> meter: EGO's server and client call metrics, with EGO's names and labels so that dashboards and
/// alerts made for Go EGO services read them unchanged. Process-wide, as EGO's.
/// </summary>
public static class EgoCallMetrics
{
    public const string MeterName = "Ego.Calls";

    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> ServerHandled = Meter.CreateCounter<long>(
        "ego_server_handle_total", null, "Calls handled by a server, by status.");

    private static readonly Counter<long> ServerStarted = Meter.CreateCounter<long>(
        "ego_server_started_total", null, "Calls a server started handling.");

    private static readonly Histogram<double> ServerSeconds = Meter.CreateHistogram<double>(
        "ego_server_handle_seconds", "s", "Time a server took to handle a call.", advice: new() { HistogramBucketBoundaries = Buckets });

    private static readonly Counter<long> ClientHandled = Meter.CreateCounter<long>(
        "ego_client_handle_total", null, "Calls made by a client, by status.");

    private static readonly Counter<long> ClientStarted = Meter.CreateCounter<long>(
        "ego_client_started_total", null, "Calls a client started.");

    private static readonly Histogram<double> ClientSeconds = Meter.CreateHistogram<double>(
        "ego_client_handle_seconds", "s", "Time a client call took.", advice: new() { HistogramBucketBoundaries = Buckets });

    /// <summary>Counts a call a server starts: <c>ego_server_started_total{type, method, peer, rpc_service}</c>.</summary>
    public static void ServerCallStarted(string type, string method, string peer, string rpcService)
    {
        if (ServerStarted.Enabled)
        {
            ServerStarted.Add(1, Server(type, method, peer, rpcService));
        }
    }

    /// <summary>
    /// Records a call a server finished: <c>ego_server_handle_total{type, method, peer, code, uniform_code, rpc_service}</c>
    /// and <c>ego_server_handle_seconds{type, method, peer, rpc_service}</c>.
    /// </summary>
    public static void ServerCallHandled(string type, string method, string peer, string code, string uniformCode, string rpcService, TimeSpan cost)
    {
        if (ServerSeconds.Enabled)
        {
            ServerSeconds.Record(cost.TotalSeconds, Server(type, method, peer, rpcService));
        }

        if (ServerHandled.Enabled)
        {
            var tags = Server(type, method, peer, rpcService);
            tags.Add("code", code);
            tags.Add("uniform_code", uniformCode);
            ServerHandled.Add(1, tags);
        }
    }

    /// <summary>Counts a call a client starts: <c>ego_client_started_total{type, name, method, peer}</c>.</summary>
    public static void ClientCallStarted(string type, string name, string method, string peer)
    {
        if (ClientStarted.Enabled)
        {
            ClientStarted.Add(1, Client(type, name, method, peer));
        }
    }

    /// <summary>
    /// Records a finished client call: <c>ego_client_handle_total{type, name, method, peer, code}</c> and
    /// <c>ego_client_handle_seconds{type, name, method, peer}</c>.
    /// </summary>
    public static void ClientCallHandled(string type, string name, string method, string peer, string code, TimeSpan cost)
    {
        if (ClientSeconds.Enabled)
        {
            ClientSeconds.Record(cost.TotalSeconds, Client(type, name, method, peer));
        }

        if (ClientHandled.Enabled)
        {
            var tags = Client(type, name, method, peer);
            tags.Add("code", code);
            ClientHandled.Add(1, tags);
        }
    }

    private static TagList Server(string type, string method, string peer, string rpcService) => new()
    {
        { "type", type },
        { "method", method },
        { "peer", peer },
        { "rpc_service", rpcService },
    };

    private static TagList Client(string type, string name, string method, string peer) => new()
    {
        { "type", type },
        { "name", name },
        { "method", method },
        { "peer", peer },
    };
}
