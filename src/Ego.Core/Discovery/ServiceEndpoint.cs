namespace Ego.Discovery;

/// <summary>One instance of a service a client can call: where it listens and what it says about itself.</summary>
/// <param name="Host">A host name or an IP address (IPv6 without brackets).</param>
/// <param name="Port">The TCP port.</param>
/// <param name="Attributes">What the registry knows of the instance: weight, region, zone, version; never null.</param>
public sealed record ServiceEndpoint(string Host, int Port, IReadOnlyDictionary<string, string> Attributes)
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    public ServiceEndpoint(string host, int port)
        : this(host, port, NoAttributes)
    {
    }

    /// <summary><c>host:port</c>, with brackets around an IPv6 address.</summary>
    public string Address => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    public bool Equals(ServiceEndpoint? other) =>
        other is not null && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase) && Port == other.Port;

    public override int GetHashCode() => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Host), Port);

    public override string ToString() => Address;
}
