using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServingStatus = Ego.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Ego.Grpc.Health;

/// <summary>
/// Keeps the health statuses of one gRPC server in step with <see cref="ApplicationReadiness"/>: every service it
/// serves, and the server as a whole (""), is SERVING while the application is ready and NOT_SERVING otherwise.
/// </summary>
internal sealed class HealthReadinessBinding(IServiceProvider services, string serverKey) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<HealthStatusRegistry>();
        var readiness = services.GetRequiredService<ApplicationReadiness>();
        subscription = readiness.Subscribe(ready =>
        {
            var status = ready ? ServingStatus.Serving : ServingStatus.NotServing;
            registry.Set("", status);
            foreach (var service in services.GetRequiredKeyedService<GrpcServer>(serverKey).ServiceNames)
            {
                registry.Set(service, status);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }
}
