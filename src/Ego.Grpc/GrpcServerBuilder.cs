using System.Diagnostics.CodeAnalysis;
using Ego.Grpc.Internal.Server;
using Ego.Grpc.Tracing;
using Ego.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Grpc;

/// <summary>Adds services and interceptors to a gRPC server before it is built.</summary>
public sealed class GrpcServerBuilder
{
    private readonly List<Action<ServerMethodTable>> _registrations = [];
    private readonly List<Interceptor> _interceptors = [];
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private TimeProvider _timeProvider = TimeProvider.System;
    private IServiceProvider? _services;
    private string _defaultHost = EgoEnvironmentDefaults.Host;
    private string _traceIdName = EgoEnvironmentDefaults.TraceIdName;
    private EgoEnvironment? _environment;

    internal GrpcServerBuilder(string name, GrpcServerOptions options)
    {
        Name = name;
        Options = options;
    }

    /// <summary>The config key the server is built from.</summary>
    public string Name { get; }

    /// <summary>The bound options; adjust them before <see cref="Build"/>.</summary>
    public GrpcServerOptions Options { get; }

    /// <summary>Adds a service instance of a generated base class (one marked with <see cref="BindServiceMethodAttribute"/>).</summary>
    public GrpcServerBuilder AddService<TService>(TService service)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(service);
        _registrations.Add(table => BindServiceMethodFinder.Bind(service.GetType(), new MethodTableBinder(table), service));
        return this;
    }

    /// <summary>Adds a service resolved from <paramref name="services"/> in a new scope for every call.</summary>
    public GrpcServerBuilder AddService<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] TService>(IServiceProvider services)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(services);
        _registrations.Add(table => BindServiceMethodFinder.Bind(typeof(TService), new ActivatedServiceBinder<TService>(table, services), null));
        return this;
    }

    public GrpcServerBuilder AddService(ServerServiceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _registrations.Add(table => definition.BindService(new MethodTableBinder(table)));
        return this;
    }

    /// <summary>Adds a server interceptor; the first added runs outermost.</summary>
    public GrpcServerBuilder AddInterceptor(Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        _interceptors.Add(interceptor);
        return this;
    }

    /// <summary>Binds to the application's host (<c>--host</c>) when the config does not set <c>host</c>.</summary>
    public GrpcServerBuilder UseEnvironment(EgoEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _defaultHost = environment.Host;
        _traceIdName = environment.TraceIdName;
        _environment = environment;
        return this;
    }

    public GrpcServerBuilder UseLoggerFactory(ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        return this;
    }

    /// <summary>The clock of deadlines; a fake one in tests.</summary>
    public GrpcServerBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        return this;
    }

    /// <summary>The application's services, exposed to handlers as <c>HttpContext.RequestServices</c>.</summary>
    public GrpcServerBuilder UseServiceProvider(IServiceProvider services)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        return this;
    }

    /// <summary>Where debug lines go (standard output by default); tests capture them here.</summary>
    internal TextWriter? DebugOutput { get; set; }

    /// <summary>
    /// Binds every service; throws when two services define the same method or a service cannot be bound.
    /// The access-log and metrics interceptor runs outermost, then the added interceptors in order.
    /// </summary>
    public GrpcServer Build()
    {
        var host = string.IsNullOrEmpty(Options.Host) ? _defaultHost : Options.Host;
        var defaults = Interceptors.Internal.DefaultInterceptors.Server(Name, Options, host, _environment, _loggerFactory, DebugOutput);
        Interceptor[] interceptors = Options.EnableTraceInterceptor
            ? [new GrpcServerTracingInterceptor(_traceIdName), defaults, .. _interceptors]
            : [defaults, .. _interceptors];
        return new GrpcServer(Name, Options, host, [.. _registrations], interceptors, _loggerFactory, _timeProvider, _services);
    }
}
