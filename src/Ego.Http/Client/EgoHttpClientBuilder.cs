using System.Net;
using Ego.Components;
using Ego.Discovery;
using Ego.FailFast;
using Ego.Hosting;
using Ego.Http.Client.Internal;
using Ego.Http.Observability;
using Ego.Http.Tracing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Http.Client;

/// <summary>Adds handlers to an HTTP client component and builds it.</summary>
public sealed class EgoHttpClientBuilder
{
    internal const string Component = "client.ehttp";

    /// <summary>The host of relative requests before balancing; never resolved.</summary>
    internal const string LogicalHost = "ego.balanced";

    private readonly List<Func<DelegatingHandler>> _handlers = [];
    private readonly CallerLocation _caller;
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private TimeProvider _timeProvider = TimeProvider.System;
    private EgoEnvironment _environment = new();
    private IReadOnlyList<IServiceResolverFactory> _resolvers = [];

    internal EgoHttpClientBuilder(string name, EgoHttpClientOptions options, CallerLocation caller)
    {
        Name = name;
        Options = options;
        _caller = caller;
    }

    public string Name { get; }

    /// <summary>The bound options; adjust them before <see cref="Build"/>.</summary>
    public EgoHttpClientOptions Options { get; }

    /// <summary>Adds a handler inside the built-in ones (it sees the picked endpoint); the first added runs outermost.</summary>
    public EgoHttpClientBuilder AddHandler(Func<DelegatingHandler> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(handler);
        return this;
    }

    public EgoHttpClientBuilder UseLoggerFactory(ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        return this;
    }

    public EgoHttpClientBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        return this;
    }

    /// <summary>The application's environment: its name is sent as <c>app</c>, its debug mode applies.</summary>
    public EgoHttpClientBuilder UseEnvironment(EgoEnvironment environment)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        return this;
    }

    /// <summary>Resolvers of further <c>addr</c> schemes (<c>k8s</c>, <c>etcd</c>...); static lists and <c>dns:///</c> are built in.</summary>
    public EgoHttpClientBuilder UseResolvers(IEnumerable<IServiceResolverFactory> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        _resolvers = [.. factories];
        return this;
    }

    /// <summary>Creates the client. Handlers from outermost: balancing, tracing, access log and metrics, added handlers.</summary>
    /// <exception cref="EgoStartupException">The address has an unknown scheme or is malformed.</exception>
    public EgoHttpClient Build()
    {
        IServiceResolver resolver;
        try
        {
            resolver = new ResolverRegistry(_resolvers, Options.DnsRefreshInterval, _timeProvider).Create(Options.Addr);
        }
        catch (FormatException exception)
        {
            throw new EgoStartupException("invalid config", $"{Name}.addr: {exception.Message}", Name, _caller, Component, exception);
        }

        var logger = _loggerFactory.CreateLogger("Ego.Discovery");
        var endpoints = new BalancedEndpoints(resolver, Balancers.Create(Options.BalancerName, _timeProvider), _timeProvider, null, logger);
        var logicalBase = new Uri($"http://{LogicalHost}/");
        var observability = HttpClientObservabilityExtensions.Create(Name, Options.ToObservabilityOptions(), _environment, _loggerFactory, null);
        List<DelegatingHandler> chain = [new BalancingHandler(endpoints, logicalBase, Options.DialTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5))];
        if (Options.EnableTraceInterceptor)
        {
            chain.Add(new HttpClientTracingHandler());
        }

        chain.Add(observability);
        chain.AddRange(_handlers.Select(create => create()));
        HttpMessageHandler handler = CreatePrimaryHandler();
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            chain[i].InnerHandler = handler;
            handler = chain[i];
        }

        var client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = logicalBase,
            Timeout = Options.ReadTimeout > TimeSpan.Zero ? Options.ReadTimeout : Timeout.InfiniteTimeSpan,
        };
        return new EgoHttpClient(Name, client, endpoints);
    }

    private SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        ConnectTimeout = Options.DialTimeout,
        PooledConnectionIdleTimeout = Options.IdleConnTimeout,
        PooledConnectionLifetime = Options.ConnectionLifetime > TimeSpan.Zero ? Options.ConnectionLifetime : Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = Options.MaxConnsPerHost > 0 ? Options.MaxConnsPerHost : int.MaxValue,
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = false,
        UseCookies = false,
    };
}
