using Ego.Discovery;

namespace Ego.Registry.Etcd;

/// <summary>
/// Resolves <c>etcd:///app-name</c> to the gRPC servers of <c>app-name</c> registered in etcd, and
/// <c>etcd:///app-name?scheme=http</c> to its HTTP servers.
/// </summary>
public sealed class EtcdResolverFactory : IServiceResolverFactory
{
    private readonly EtcdClient client;
    private readonly EtcdRegistryOptions options;

    public EtcdResolverFactory(EtcdClient client, EtcdRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        this.client = client;
        this.options = options;
    }

    public string Scheme => "etcd";

    public IServiceResolver Create(ResolverTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (app, scheme) = ParseEndpoint(target);
        return new EtcdResolver(client, target, EtcdServiceKey.AppPrefix(options.Prefix, app), scheme);
    }

    private static (string App, string Scheme) ParseEndpoint(ResolverTarget target)
    {
        var endpoint = target.Endpoint;
        var scheme = "grpc";
        var query = endpoint.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            foreach (var pair in endpoint[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                if (parts.Length != 2 || parts[0] != "scheme" || parts[1] is not ("grpc" or "http"))
                {
                    throw new FormatException($"addr '{target.Original}': '{pair}' is not understood; expected scheme=grpc or scheme=http");
                }

                scheme = parts[1];
            }

            endpoint = endpoint[..query];
        }

        if (endpoint.Length == 0 || endpoint.Contains('/', StringComparison.Ordinal))
        {
            throw new FormatException($"addr '{target.Original}' does not name an application; expected etcd:///app-name");
        }

        return (endpoint, scheme);
    }
}
