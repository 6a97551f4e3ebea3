using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Ego.Discovery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Ego.Hosting.Internal;

/// <summary>
/// Publishes the application's gRPC and HTTP servers in every <see cref="IServiceRegistry"/> once it is ready, and
/// withdraws them when stopping begins, before the servers stop accepting calls.
/// </summary>
internal sealed class ServiceRegistrar(IReadOnlyList<IServiceRegistry> registries, IConfiguration configuration, ILogger logger)
{
    private readonly List<(IServiceRegistry Registry, ServiceRegistration Registration)> registered = [];

    /// <summary>Registers each server with the instance's region and zone; a registry that fails is logged and keeps retrying on its own.</summary>
    public async Task RegisterAsync(EgoEnvironment environment, IEnumerable<(string Name, string Kind, string Address)> servers, CancellationToken cancellationToken)
    {
        if (registries.Count == 0)
        {
            return;
        }

        var overrideHost = configuration["registry:host"];
        foreach (var (name, kind, address) in servers.Where(s => s.Kind is "grpc" or "http"))
        {
            if (ToEndpoint(address, overrideHost) is not { } endpoint)
            {
                continue;
            }

            var registration = new ServiceRegistration(environment.AppName, kind, name, endpoint with { Attributes = Attributes(environment) });
            foreach (var registry in registries)
            {
                registered.Add((registry, registration));
                try
                {
                    await registry.RegisterAsync(registration, cancellationToken).ConfigureAwait(false);
                    RegistrarLog.Registered(logger, kind, endpoint.Address, registry.GetType().Name);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    RegistrarLog.RegisterFailed(logger, kind, endpoint.Address, registry.GetType().Name, exception);
                }
            }
        }
    }

    public async Task DeregisterAsync(CancellationToken cancellationToken)
    {
        foreach (var (registry, registration) in registered)
        {
            try
            {
                await registry.DeregisterAsync(registration, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                RegistrarLog.DeregisterFailed(logger, registration.Kind, registration.Endpoint.Address, registry.GetType().Name, exception);
            }
        }

        registered.Clear();
    }

    /// <summary>
    /// The endpoint other processes reach a listening address on: <c>registry.host</c> when set; for a wildcard
    /// address the first non-loopback IPv4 address of the machine; otherwise the address's own host.
    /// </summary>
    internal static ServiceEndpoint? ToEndpoint(string address, string? overrideHost)
    {
        var text = address.Contains("://", StringComparison.Ordinal) ? address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..] : address;
        text = text.TrimEnd('/');
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out var port) || port <= 0)
        {
            return null;
        }

        var host = text[..colon].Trim('[', ']');
        if (!string.IsNullOrWhiteSpace(overrideHost))
        {
            host = overrideHost.Trim();
        }
        else if (host is "" or "0.0.0.0" or "::" or "*" or "+")
        {
            host = FirstRoutableIPv4() ?? "127.0.0.1";
        }

        return new ServiceEndpoint(host, port);
    }

    private static Dictionary<string, string> Attributes(EgoEnvironment environment)
    {
        var attributes = new Dictionary<string, string>();
        if (environment.Region.Length > 0)
        {
            attributes["region"] = environment.Region;
        }

        if (environment.Zone.Length > 0)
        {
            attributes["zone"] = environment.Zone;
        }

        return attributes;
    }

    private static string? FirstRoutableIPv4()
        => NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?.ToString();
}
