using Ego.Grpc;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Registry.Etcd.Tests.Support;

/// <summary>An Ego application serving <see cref="EchoService"/> over gRPC and registering itself in etcd.</summary>
internal sealed class EchoInstance : IAsyncDisposable
{
    private readonly EgoApplication app;
    private int stopped;

    private EchoInstance(EgoApplication app, string name)
    {
        this.app = app;
        Name = name;
    }

    public string Name { get; }

    public string Address => app.Services.GetRequiredKeyedService<GrpcServer>("server.grpc").Addresses[0];

    public IServiceProvider Services => app.Services;

    /// <summary>Starts an instance of <paramref name="appName"/> on a free port (or <paramref name="port"/>) registered under <paramref name="prefix"/>.</summary>
    public static async Task<EchoInstance> StartAsync(string etcd, string prefix, string appName, string name, TimeSpan? drainDelay = null, int port = 0)
    {
        var builder = EgoApplication.CreateBuilder(
            [
                "--ego_name=" + appName,
                "--server.grpc.host=127.0.0.1",
                "--server.grpc.port=" + port,
                "--app.drainDelay=" + (int)(drainDelay ?? TimeSpan.FromSeconds(1)).TotalMilliseconds + "ms",
                "--app.stopTimeout=30s",
                "--etcd.addrs.0=" + etcd,
                "--registry.prefix=" + prefix,
                "--registry.host=127.0.0.1",
                "--registry.serviceTTL=10s",
            ],
            new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") });
        builder.Services.AddSingleton(new InstanceName(name));
        builder.Services.AddEgoGrpcServer().AddService<EchoService>();
        builder.Services.AddEgoEtcdRegistry();
        var app = builder.Build();
        await app.StartAsync();
        return new EchoInstance(app, name);
    }

    /// <summary>Stops gracefully: deregistered first, then drained, then the server stops.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }
}
