using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ego.Grpc.Internal.Client;

/// <summary>Builds a registered client when the application starts, so dial failures surface at start.</summary>
internal sealed class GrpcClientStartup(IServiceProvider services, string key) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredKeyedService<GrpcClient>(key);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
