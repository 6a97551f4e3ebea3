using Ego.Discovery;

namespace Ego.Registry.Etcd;

/// <summary>
/// The key layout of registrations, EGO's: <c>/{prefix}/{appName}/providers/{scheme}://{host}:{port}</c>, one key per
/// server, holding the instance's JSON description and attached to its lease.
/// </summary>
public static class EtcdServiceKey
{
    private const string Providers = "providers";

    /// <summary>The prefix under which every instance of <paramref name="appName"/> is registered, ending with '/'.</summary>
    public static string AppPrefix(string prefix, string appName) => $"/{prefix}/{appName}/{Providers}/";

    /// <summary>The key of one server: <paramref name="scheme"/> is the server kind, <c>grpc</c> or <c>http</c>.</summary>
    public static string Format(string prefix, string appName, string scheme, ServiceEndpoint endpoint)
        => $"{AppPrefix(prefix, appName)}{scheme}://{endpoint.Address}";

    /// <summary>Reads the scheme and endpoint back from a key below <see cref="AppPrefix"/>; false for keys of another layout.</summary>
    public static bool TryParse(string key, string appPrefix, out string scheme, out ServiceEndpoint? endpoint)
    {
        scheme = "";
        endpoint = null;
        if (!key.StartsWith(appPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key[appPrefix.Length..];
        var separator = rest.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return false;
        }

        scheme = rest[..separator];
        return TryParseAddress(rest[(separator + 3)..], out endpoint);
    }

    internal static bool TryParseAddress(string address, out ServiceEndpoint? endpoint)
    {
        endpoint = null;
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), out var port) || port is <= 0 or > 65535)
        {
            return false;
        }

        var host = address[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        endpoint = host.Length == 0 ? null : new ServiceEndpoint(host, port);
        return endpoint is not null;
    }
}
