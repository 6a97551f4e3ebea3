using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ego.Http.Client.Internal;

/// <summary>Builds a registered client when the application starts, so configuration errors stop the start.</summary>
internal sealed class EgoHttpClientStartup(IServiceProvider services, string key) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredKeyedService<EgoHttpClient>(key);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
