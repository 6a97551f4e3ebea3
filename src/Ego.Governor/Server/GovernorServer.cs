using System.Net;
using Ego.Components;
using Ego.Governor.Server.Internal;
using Ego.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ego.Governor.Server;

/// <summary>
/// The governor: probes, metrics, build and runtime information, routes, jobs and client stats on a port of its own
/// (<c>server.governor</c>, 9003 by default), on its own Kestrel, so none of it is reachable on the service ports.
/// </summary>
public sealed class GovernorServer : IEgoServer, IAsyncDisposable
{
    private readonly GovernorOptions options;
    private readonly string host;
    private readonly IServiceProvider services;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly IReadOnlyList<Action<IEndpointRouteBuilder>> userRoutes;
    private KestrelServer? kestrel;
    private IReadOnlyList<string> addresses = [];

    internal GovernorServer(string name, GovernorOptions options, string host, IServiceProvider services, IReadOnlyList<Action<IEndpointRouteBuilder>> userRoutes)
    {
        Name = name;
        this.options = options;
        this.host = host;
        this.services = services;
        this.userRoutes = userRoutes;
        loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        logger = loggerFactory.CreateLogger("Ego.Governor");
    }

    public string Name { get; }

    public string Kind => "governor";

    /// <summary>The bound addresses as <c>host:port</c> (the real port when configured with 0); empty before start.</summary>
    public IReadOnlyList<string> Addresses => addresses;

    /// <summary>The governor's routes, sorted; known once started.</summary>
    public IReadOnlyList<string> Routes { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (kestrel is not null)
        {
            throw new InvalidOperationException($"governor {Name} is already started.");
        }

        var application = new GovernorHttpApplication(BuildPipeline(), services.GetRequiredService<IServiceScopeFactory>());
        var kestrelOptions = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = services };
        kestrelOptions.Listen(new IPEndPoint(ResolveAddress(), options.Port), listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
        var server = new KestrelServer(Options.Create(kestrelOptions), new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory), loggerFactory);
        try
        {
            await server.StartAsync(application, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            server.Dispose();
            throw;
        }

        kestrel = server;
        addresses = [.. (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => a[(a.IndexOf("://", StringComparison.Ordinal) + 3)..])];
        GovernorLog.Started(logger, Name, string.Join(", ", addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var server = kestrel;
        if (server is null)
        {
            return;
        }

        kestrel = null;
        await server.StopAsync(cancellationToken).ConfigureAwait(false);
        server.Dispose();
        GovernorLog.Stopped(logger, Name);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await StopAsync(timeout.Token).ConfigureAwait(false);
    }

    internal static GovernorServer Create(IServiceProvider provider, string key, CallerLocation caller, IReadOnlyList<Action<IEndpointRouteBuilder>> userRoutes)
    {
        var configuration = provider.GetRequiredService<IConfiguration>();
        var options = ComponentConfiguration.Bind<GovernorOptions>(configuration, key, caller, "server.governor").Options;
        var host = options.Host.Length > 0 ? options.Host : provider.GetService<EgoEnvironment>()?.Host ?? EgoEnvironmentDefaults.Host;
        return new GovernorServer(key, options, host, provider, userRoutes);
    }

    private RequestDelegate BuildPipeline()
    {
        var app = new ApplicationBuilder(services);
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            var group = endpoints.MapGroup("");
            group.WithMetadata(GovernorEndpoint.Marker);
            GovernorRouteTable.Map(group, () => Routes);
            foreach (var configure in userRoutes)
            {
                configure(group);
            }

            Routes = [.. GovernorEndpoint.Patterns(endpoints.DataSources)];
        });
        return app.Build();
    }

    private IPAddress ResolveAddress()
    {
        var v6 = options.Network == "tcp6";
        if (host is "" or "0.0.0.0" or "::" or "[::]" or "*")
        {
            return v6 || host is "::" or "[::]" ? IPAddress.IPv6Any : IPAddress.Any;
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return address;
        }

        if (host == "localhost")
        {
            return v6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        }

        var family = v6 ? System.Net.Sockets.AddressFamily.InterNetworkV6 : System.Net.Sockets.AddressFamily.InterNetwork;
        return Dns.GetHostAddresses(host, family).FirstOrDefault()
            ?? throw new InvalidOperationException($"server.governor.host '{host}' does not resolve to an {(v6 ? "IPv6" : "IPv4")} address");
    }
}
