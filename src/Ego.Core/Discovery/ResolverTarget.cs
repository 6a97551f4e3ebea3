namespace Ego.Discovery;

/// <summary>
/// A client's <c>addr</c> split into the resolver scheme and what that resolver looks up:
/// <c>dns:///host:port</c>, <c>k8s:///service.namespace:port</c>, <c>etcd:///app-name</c>, or a static
/// <c>host:port</c> list (scheme <see cref="StaticScheme"/>).
/// </summary>
public sealed record ResolverTarget(string Scheme, string Endpoint, string Original)
{
    /// <summary>The scheme of an address without <c>scheme:///</c>: one or more comma-separated <c>host:port</c>.</summary>
    public const string StaticScheme = "static";

    /// <summary>Parses <paramref name="address"/>; an address without <c>://</c> is static.</summary>
    /// <exception cref="FormatException">The address is empty, or names a scheme but nothing to resolve.</exception>
    public static ResolverTarget Parse(string address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new FormatException("addr is empty; expected host:port, a comma-separated list of them, or scheme:///target (dns, k8s, etcd).");
        }

        var trimmed = address.Trim();
        var separator = trimmed.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0)
        {
            return new ResolverTarget(StaticScheme, trimmed, address);
        }

        var scheme = trimmed[..separator].ToLowerInvariant();

        // A list whose later entries carry http(s):// is still a static list.
        if (scheme is "http" or "https" || scheme.Contains(','))
        {
            return new ResolverTarget(StaticScheme, trimmed, address);
        }

        // scheme:///endpoint has an empty authority; scheme://authority/endpoint keeps the authority out of the lookup.
        var rest = trimmed[(separator + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var endpoint = slash < 0 ? rest : rest[(slash + 1)..];
        if (scheme.Length == 0 || endpoint.Length == 0)
        {
            throw new FormatException($"addr '{address}' names no target; expected scheme:///target, e.g. dns:///orders:9002, k8s:///orders.shop:9002 or etcd:///orders.");
        }

        return new ResolverTarget(scheme, endpoint, address);
    }

    public override string ToString() => Original;
}
