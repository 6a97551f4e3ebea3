using System.Net;
using System.Runtime.CompilerServices;
using Ego.Components;
using Ego.Grpc.Internal.Server;
using Ego.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ego.Grpc;

/// <summary>
/// A gRPC server on its own Kestrel instance, HTTP/2 only (h2c, or TLS with a certificate), dispatching
/// calls straight to the bound methods.
/// </summary>
public sealed class GrpcServer : IEgoServer, IEgoServerRoutes, IAsyncDisposable
{
    private readonly GrpcServerOptions _options;
    private readonly string _host;
    private readonly GrpcHttpApplication _application;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly IServiceProvider? _services;
    private KestrelServer? _kestrel;
    private IReadOnlyList<string> _addresses = [];

    internal GrpcServer(string name, GrpcServerOptions options, string host, IReadOnlyList<Action<ServerMethodTable>> registrations, IReadOnlyList<Interceptor> interceptors, ILoggerFactory loggerFactory, TimeProvider timeProvider, IServiceProvider? services)
    {
        Name = name;
        _options = options;
        _host = host;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("Ego.Grpc.Server");
        _services = services;
        var runtime = new ServerCallRuntime(options.MaxRecvMsgSize, options.MaxSendMsgSize, Compression.CompressionProviders.Find(options.ResponseCompression), _logger, timeProvider);
        var table = new ServerMethodTable(runtime, interceptors);
        foreach (var register in registrations)
        {
            register(table);
        }

        var serviceNames = table.FreezeServices();
        ServiceNames = [.. serviceNames.Order(StringComparer.Ordinal)];
        _application = new GrpcHttpApplication(table.FreezeHandlers(), serviceNames, _logger, services, services?.GetService<ApplicationLifecycle>());
    }

    public string Name { get; }

    public string Kind => "grpc";

    /// <summary>The request pipeline, for hosting the server on another transport (in-memory tests).</summary>
    internal Microsoft.AspNetCore.Hosting.Server.IHttpApplication<Microsoft.AspNetCore.Http.HttpContext> Application => _application;

    /// <summary>The fully qualified names of the services served, sorted (for health and reflection services).</summary>
    public IReadOnlyList<string> ServiceNames { get; }

    /// <summary>Every method served, as <c>/package.Service/Method</c>, sorted.</summary>
    public IReadOnlyList<string> Routes => _application.Methods;

    /// <summary>The bound addresses as <c>host:port</c> (the real port when configured with 0); empty before start.</summary>
    public IReadOnlyList<string> Addresses => _addresses;

    /// <summary>Starts a builder from the <paramref name="key"/> section of <paramref name="configuration"/>.</summary>
    /// <exception cref="Ego.FailFast.EgoStartupException">The section has invalid values.</exception>
    public static GrpcServerBuilder Load(IConfiguration configuration, string key = "server.grpc", [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var caller = new CallerLocation(callerFile, callerLine);
        var binding = ComponentConfiguration.Bind<GrpcServerOptions>(configuration, key, caller, "server.grpc");
        return new GrpcServerBuilder(key, binding.Options);
    }

    /// <summary>Starts a builder from options made in code (tests, tools); <c>Port = 0</c> picks a free port.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names every invalid option.</exception>
    public static GrpcServerBuilder CreateBuilder(GrpcServerOptions options, string name = "server.grpc")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var errors = new List<ComponentOptionError>();
        options.Validate(errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid gRPC server options: " + string.Join("; ", errors), nameof(options));
        }

        return new GrpcServerBuilder(name, options);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_kestrel is not null)
        {
            throw new InvalidOperationException($"gRPC server {Name} is already started.");
        }

        var kestrelOptions = new KestrelServerOptions
        {
            AddServerHeader = false,
            ApplicationServices = _services ?? new ServiceCollection().AddSingleton(_loggerFactory).BuildServiceProvider(),
        };
        // With tracing, every response carries its own trace id header: indexing it in the HPACK dynamic table evicts
        // an entry per call and costs more CPU (about 1 µs a call) than the few header bytes the table saves.
        kestrelOptions.AllowResponseHeaderCompression = !_options.EnableTraceInterceptor;
        kestrelOptions.Limits.MaxRequestBodySize = null;
        kestrelOptions.Limits.MinRequestBodyDataRate = null;
        kestrelOptions.Limits.MinResponseDataRate = null;
        kestrelOptions.Limits.Http2.MaxStreamsPerConnection = _options.MaxConcurrentStreams;
        kestrelOptions.Limits.Http2.KeepAlivePingDelay = _options.KeepaliveTime == TimeSpan.Zero ? TimeSpan.MaxValue : _options.KeepaliveTime;
        kestrelOptions.Limits.Http2.KeepAlivePingTimeout = _options.KeepaliveTimeout;
        if (_options.MaxConnectionIdle > TimeSpan.Zero)
        {
            kestrelOptions.Limits.KeepAliveTimeout = _options.MaxConnectionIdle;
        }
        else
        {
            // Not TimeSpan.MaxValue: under load Kestrel then closed fresh HTTP/2 connections (GOAWAY, last stream 0)
            // at the first heartbeat before their first request was read. A year is "never" for an idle connection.
            kestrelOptions.Limits.KeepAliveTimeout = TimeSpan.FromDays(365);
        }

        var tls = ServerTls.LoadCertificate(_options);

        // TLS is terminated by our middleware, so Kestrel sees a plain transport and must accept :scheme https.
        kestrelOptions.AllowAlternateSchemes = tls is not null;
        Action<ListenOptions> configure = listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (tls is not null)
            {
                ServerTls.Use(listen, tls);
            }
        };
        if (_options.Network == "unix")
        {
            kestrelOptions.ListenUnixSocket(_host, configure);
        }
        else
        {
            kestrelOptions.Listen(new IPEndPoint(ResolveAddress(_host, _options.Network), _options.Port), configure);
        }

        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), _loggerFactory);
        var kestrel = new KestrelServer(Options.Create(kestrelOptions), transport, _loggerFactory);
        try
        {
            await kestrel.StartAsync(_application, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            kestrel.Dispose();
            throw;
        }

        _kestrel = kestrel;
        _addresses = [.. (kestrel.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(StripScheme)];
        GrpcServerLog.Started(_logger, Name, string.Join(", ", _addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var kestrel = _kestrel;
        if (kestrel is null)
        {
            return;
        }

        _kestrel = null;
        GrpcServerLog.Stopping(_logger, Name);
        _application.Refusing = true;
        await kestrel.StopAsync(cancellationToken).ConfigureAwait(false);
        kestrel.Dispose();
        GrpcServerLog.Stopped(_logger, Name);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await StopAsync(timeout.Token).ConfigureAwait(false);
    }

    private static IPAddress ResolveAddress(string host, string network)
    {
        if (host is "" or "0.0.0.0" or "::" or "[::]")
        {
            return network == "tcp6" || host is "::" or "[::]" ? IPAddress.IPv6Any : IPAddress.Any;
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return address;
        }

        if (host == "localhost")
        {
            return network == "tcp6" ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        }

        var family = network == "tcp6" ? System.Net.Sockets.AddressFamily.InterNetworkV6 : System.Net.Sockets.AddressFamily.InterNetwork;
        return Dns.GetHostAddresses(host, family).FirstOrDefault()
            ?? throw new InvalidOperationException($"host '{host}' does not resolve to an {(network == "tcp6" ? "IPv6" : "IPv4")} address");
    }

    private static string StripScheme(string address)
    {
        var index = address.IndexOf("://", StringComparison.Ordinal);
        return index < 0 ? address : address[(index + 3)..];
    }
}
