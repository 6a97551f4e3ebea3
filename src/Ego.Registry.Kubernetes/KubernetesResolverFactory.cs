using Ego.Discovery;
using Ego.Registry.Kubernetes.Internal;
using Microsoft.Extensions.Logging;

namespace Ego.Registry.Kubernetes;

/// <summary>
/// Creates the resolvers of <c>k8s:///service.namespace:port</c> addresses. All share one connection to the API;
/// each follows its Service on its own watch. Registered by <c>AddKubernetesResolver()</c> or <c>AddKubernetesDiscovery()</c>.
/// </summary>
public sealed class KubernetesResolverFactory : IServiceResolverFactory, IDisposable
{
    private readonly KubernetesOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly HttpClient http;
    private readonly KubernetesApiClient api;
    private readonly List<KubernetesResolver> resolvers = [];

    internal KubernetesResolverFactory(KubernetesOptions options, KubernetesConnection connection, TimeProvider time, ILoggerFactory loggers)
    {
        this.options = options;
        this.time = time;
        Connection = connection;
        logger = loggers.CreateLogger("Ego.Registry.Kubernetes");
        http = new HttpClient(connection.CreateHandler()) { BaseAddress = connection.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        api = new KubernetesApiClient(http, connection.Tokens, time, options.RequestTimeout);
    }

    /// <summary>The scheme handled: <c>k8s</c>.</summary>
    public string Scheme => "k8s";

    internal KubernetesConnection Connection { get; }

    /// <summary>A resolver following the Service <paramref name="target"/> names; it starts watching when first read.</summary>
    /// <exception cref="FormatException">The target is not <c>service[.namespace]:port</c>, or its namespace is not among <c>k8s.namespaces</c>.</exception>
    public IServiceResolver Create(ResolverTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!string.Equals(target.Scheme, Scheme, StringComparison.Ordinal))
        {
            throw new FormatException($"addr '{target.Original}' has scheme '{target.Scheme}': this factory resolves k8s:///service.namespace:port");
        }

        var service = KubernetesTarget.Parse(target, Connection.DefaultNamespace);
        if (Connection.Namespaces.Count > 0 && !Connection.Namespaces.Contains(service.Namespace, StringComparer.Ordinal))
        {
            throw new FormatException($"addr '{target.Original}' names namespace '{service.Namespace}', which is not in k8s.namespaces [{string.Join(", ", Connection.Namespaces)}]");
        }

        var resolver = new KubernetesResolver(target, service, api, options, time, logger, Remove);
        lock (resolvers)
        {
            resolvers.Add(resolver);
        }

        return resolver;
    }

    public void Dispose() => http.Dispose();

    /// <summary>The resolvers alive now, for the governor.</summary>
    internal KubernetesResolver[] Resolvers()
    {
        lock (resolvers)
        {
            return [.. resolvers];
        }
    }

    private void Remove(KubernetesResolver resolver)
    {
        lock (resolvers)
        {
            resolvers.Remove(resolver);
        }
    }
}
