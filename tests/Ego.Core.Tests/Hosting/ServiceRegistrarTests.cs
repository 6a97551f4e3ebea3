using Ego.Discovery;
using Ego.Hosting;
using Ego.Hosting.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Core.Tests.Hosting;

/// <summary>The host publishing its servers in the registries of DI: what it registers, when, and under which address.</summary>
public sealed class ServiceRegistrarTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("127.0.0.1:9002", null, "127.0.0.1", 9002)]
    [InlineData("http://127.0.0.1:9001", null, "127.0.0.1", 9001)]
    [InlineData("http://[::1]:9001/", null, "::1", 9001)]
    [InlineData("0.0.0.0:9002", "10.1.2.3", "10.1.2.3", 9002)]
    [InlineData("127.0.0.1:9002", "orders.shop.svc", "orders.shop.svc", 9002)]
    public void ToEndpoint_ListeningAddress_PublishedEndpoint(string address, string? overrideHost, string host, int port)
    {
        Assert.Equal(new ServiceEndpoint(host, port), ServiceRegistrar.ToEndpoint(address, overrideHost));
    }

    [Fact]
    public void ToEndpoint_WildcardAddress_NotAWildcard()
    {
        var endpoint = ServiceRegistrar.ToEndpoint("0.0.0.0:9002", null);

        Assert.NotNull(endpoint);
        Assert.NotEqual("0.0.0.0", endpoint.Host);
        Assert.Equal(9002, endpoint.Port);
    }

    [Fact]
    public async Task RegisterAsync_RegistryFails_OtherRegistriesStillRegisteredAndNoThrow()
    {
        var failing = new RecordingRegistry(fail: true);
        var working = new RecordingRegistry();
        var registrar = new ServiceRegistrar([failing, working], new ConfigurationBuilder().Build(), NullLogger.Instance);

        await registrar.RegisterAsync(new EgoEnvironment { AppName = "orders", Zone = "z1" }, [("server.grpc", "grpc", "127.0.0.1:9002"), ("governor", "governor", "127.0.0.1:9003")], CancellationToken.None);
        await registrar.DeregisterAsync(CancellationToken.None);

        Assert.Equal(["register grpc 127.0.0.1:9002 zone=z1", "deregister grpc 127.0.0.1:9002 zone=z1"], working.Calls);
    }

    [Fact]
    public async Task StartAsync_RegistryInServices_HttpServerRegisteredWhenReadyAndDeregisteredWhenDrainingBegins()
    {
        var builder = EgoApplication.CreateBuilder(["--ego_name=orders", "--server.http.host=127.0.0.1", "--server.http.port=0", "--app.drainDelay=0s", "--registry.host=10.9.8.7"], AppRun.Environment());
        var registry = new RecordingRegistry();
        builder.Services.AddSingleton<IServiceRegistry>(registry);
        await using var app = builder.Build();
        registry.Lifecycle = app.Services.GetRequiredService<ApplicationLifecycle>();

        await app.StartAsync();
        var port = new Uri(app.Addresses[0]).Port;
        await app.StopAsync().WaitAsync(Wait);

        Assert.Equal([$"register http 10.9.8.7:{port} at Ready", $"deregister http 10.9.8.7:{port} at Draining"], registry.Calls);
    }

    private sealed class RecordingRegistry(bool fail = false) : IServiceRegistry
    {
        public List<string> Calls { get; } = [];

        public ApplicationLifecycle? Lifecycle { get; set; }

        public Task RegisterAsync(ServiceRegistration registration, CancellationToken cancellationToken) => Record("register", registration);

        public Task DeregisterAsync(ServiceRegistration registration, CancellationToken cancellationToken) => Record("deregister", registration);

        private Task Record(string what, ServiceRegistration registration)
        {
            if (fail)
            {
                throw new InvalidOperationException("registry down");
            }

            var attributes = string.Concat(registration.Endpoint.Attributes.Select(a => $" {a.Key}={a.Value}"));
            Calls.Add($"{what} {registration.Kind} {registration.Endpoint.Address}{attributes}" + (Lifecycle is null ? "" : " at " + Lifecycle.Stage));
            return Task.CompletedTask;
        }
    }
}
