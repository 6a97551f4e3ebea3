namespace Ego.Registry.Etcd;

/// <summary>Checks and normalises etcd member addresses.</summary>
internal static class EtcdAddress
{
    public static bool IsValid(string address) => TryNormalize(address, out _);

    /// <summary><paramref name="address"/> as <c>http(s)://host:port</c>; false when it has no port or another scheme.</summary>
    public static bool TryNormalize(string address, out string normalized)
    {
        var text = address.Trim();
        var hasScheme = text.Contains("://", StringComparison.Ordinal);
        var withScheme = hasScheme ? text : "http://" + text;
        normalized = "";
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.IsDefaultPort && !text.EndsWith(":" + uri.Port, StringComparison.Ordinal))
        {
            return false;
        }

        normalized = uri.GetLeftPart(UriPartial.Authority);
        return true;
    }
}
