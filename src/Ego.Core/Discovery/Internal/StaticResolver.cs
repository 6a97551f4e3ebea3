using System.Runtime.CompilerServices;

namespace Ego.Discovery.Internal;

/// <summary>A fixed list of endpoints from <c>host:port[,host:port...]</c>; <c>https://</c> entries carry the scheme attribute.</summary>
internal sealed class StaticResolver(ResolverTarget target, IReadOnlyList<ServiceEndpoint> endpoints) : IServiceResolver
{
    public ResolverTarget Target => target;

    /// <summary>Parses the list; every entry needs a port.</summary>
    /// <exception cref="FormatException">An entry is not <c>host:port</c>, <c>http://host:port</c> or <c>https://host:port</c>.</exception>
    public static StaticResolver Create(ResolverTarget target)
    {
        var entries = target.Endpoint.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            throw new FormatException($"addr '{target.Original}' lists no address: expected host:port, e.g. 127.0.0.1:9002");
        }

        return new StaticResolver(target, [.. entries.Select(Parse)]);
    }

    public async IAsyncEnumerable<IReadOnlyList<ServiceEndpoint>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return endpoints;
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Refresh()
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static ServiceEndpoint Parse(string entry)
    {
        var hasScheme = entry.Contains("://", StringComparison.Ordinal);
        var text = hasScheme ? entry : "http://" + entry;
        var missingPort = !hasScheme && entry.LastIndexOf(':') <= entry.LastIndexOf(']');
        if (missingPort || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            throw new FormatException($"'{entry}' is not an address: expected host:port, http://host:port or https://host:port");
        }

        var attributes = uri.Scheme == "https" ? ServiceEndpointSchemes.Https : ServiceEndpointSchemes.None;
        return new ServiceEndpoint(uri.IdnHost.Trim('[', ']'), uri.Port, attributes);
    }
}
