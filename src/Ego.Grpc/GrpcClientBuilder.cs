using Ego.Components;
using Ego.Discovery;
using Ego.FailFast;
using Ego.Grpc.Tracing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Grpc;

/// <summary>Adds interceptors to a gRPC client and builds it, dialing the server when <c>enableBlock</c> is on.</summary>
public sealed class GrpcClientBuilder
{
    internal const string Component = "client.egrpc";

    private readonly List<Interceptor> _interceptors = [];
    private readonly CallerLocation _caller;
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private TimeProvider _timeProvider = TimeProvider.System;
    private Ego.Hosting.EgoEnvironment? _environment;
    private IReadOnlyList<IServiceResolverFactory> _resolvers = [];

    internal GrpcClientBuilder(string name, GrpcClientOptions options, CallerLocation caller)
    {
        Name = name;
        Options = options;
        _caller = caller;
    }

    public string Name { get; }

    /// <summary>The bound options; adjust them before <see cref="Build"/>.</summary>
    public GrpcClientOptions Options { get; }

    /// <summary>Adds a client interceptor; the first added runs outermost.</summary>
    public GrpcClientBuilder AddInterceptor(Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        _interceptors.Add(interceptor);
        return this;
    }

    public GrpcClientBuilder UseLoggerFactory(ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        return this;
    }

    public GrpcClientBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        return this;
    }

    /// <summary>The application's environment: its name is sent as <c>app</c>, its debug mode and extra keys apply.</summary>
    public GrpcClientBuilder UseEnvironment(Ego.Hosting.EgoEnvironment environment)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        return this;
    }

    /// <summary>Resolvers of further <c>addr</c> schemes (<c>k8s</c>, <c>etcd</c>...); static lists and <c>dns:///</c> are built in.</summary>
    public GrpcClientBuilder UseResolvers(IEnumerable<IServiceResolverFactory> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        _resolvers = [.. factories];
        return this;
    }

    /// <summary>Where debug lines go (standard output by default); tests capture them here.</summary>
    internal TextWriter? DebugOutput { get; set; }

    /// <summary>Creates the client; with <c>enableBlock</c>, dials every address first.</summary>
    /// <exception cref="EgoStartupException">The address is invalid, or (with <c>onFail = "panic"</c>) the server cannot be reached.</exception>
    public GrpcClient Build()
    {
        GrpcChannel channel;
        try
        {
            channel = GrpcChannel.ForAddress(Options.Addr, CreateChannelOptions());
        }
        catch (ArgumentException exception)
        {
            throw new EgoStartupException("invalid config", $"{Name}.addr: {exception.Message}", Name, _caller, Component, exception);
        }

        if (Options.EnableBlock)
        {
            Dial(channel);
        }

        // Outermost first: the trace span, so the access log and metrics see it; then the access-log and metrics
        // interceptor; then the added interceptors in order.
        var defaults = Interceptors.Internal.DefaultInterceptors.Client(Name, Options, _environment, _loggerFactory, DebugOutput);
        Interceptor[] interceptors = Options.EnableTraceInterceptor
            ? [new GrpcClientTracingInterceptor(Options.Addr), defaults, .. _interceptors]
            : [defaults, .. _interceptors];
        var invoker = channel.CreateCallInvoker().Intercept(interceptors);

        return new GrpcClient(Name, channel, invoker);
    }

    private void Dial(GrpcChannel channel)
    {
        using var timeout = new CancellationTokenSource(Options.DialTimeout, _timeProvider);
        try
        {
            channel.ConnectAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            var reason = exception is OperationCanceledException ? $"no connection within dialTimeout {Ego.Configuration.Duration.Format(Options.DialTimeout)}" : exception.Message;
            if (Options.OnFail == "panic")
            {
                channel.Dispose();
                throw new EgoStartupException("dial grpc server failed", $"addr {Options.Addr}: {reason}", Name, _caller, Component, exception);
            }

            Internal.Client.GrpcClientLog.DialFailed(_loggerFactory.CreateLogger("Ego.Grpc.Client"), Name, Options.Addr, reason);
        }
    }

    private GrpcChannelOptions CreateChannelOptions() => new()
    {
        MaxReceiveMessageSize = Options.MaxRecvMsgSize,
        MaxSendMessageSize = Options.MaxSendMsgSize,
        DefaultTimeout = Options.ReadTimeout > TimeSpan.Zero ? Options.ReadTimeout : null,
        ConnectTimeout = Options.DialTimeout,
        KeepAlivePingDelay = Options.KeepAlive.Time > TimeSpan.Zero ? Options.KeepAlive.Time : Timeout.InfiniteTimeSpan,
        KeepAlivePingTimeout = Options.KeepAlive.Timeout,
        KeepAlivePermitWithoutCalls = Options.KeepAlive.PermitWithoutStream,
        RequestCompression = Options.Compression is "" or "identity" ? null : Options.Compression,
        BalancerName = Options.BalancerName,
        Resolvers = new ResolverRegistry(_resolvers, Options.DnsRefreshInterval, _timeProvider),
        LoggerFactory = _loggerFactory,
        TimeProvider = _timeProvider,
    };
}
