namespace Ego.Discovery;

/// <summary>The <c>scheme</c> attribute of an endpoint reached over TLS; endpoints without it use plain HTTP (h2c for gRPC).</summary>
public static class ServiceEndpointSchemes
{
    /// <summary>The attribute key.</summary>
    public const string Key = "scheme";

    internal static readonly IReadOnlyDictionary<string, string> Https = new Dictionary<string, string> { [Key] = "https" };

    internal static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>The base URI of <paramref name="endpoint"/>: <c>https://</c> when its scheme attribute says so, else <c>http://</c>.</summary>
    public static Uri BaseUri(ServiceEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var scheme = endpoint.Attributes.TryGetValue(Key, out var value) && value == "https" ? "https" : "http";
        return new Uri($"{scheme}://{endpoint.Address}");
    }
}
