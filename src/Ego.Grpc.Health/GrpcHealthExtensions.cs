using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ego.Grpc.Health;

/// <summary>Adds the grpc.health.v1 service to a gRPC server.</summary>
public static class GrpcHealthExtensions
{
    /// <summary>
    /// Serves grpc.health.v1.Health on this server. Every service of the server, and "" for the server as a whole,
    /// reports SERVING once the application is ready and NOT_SERVING from the moment it begins to stop.
    /// Set statuses of your own through the <see cref="HealthStatusRegistry"/> singleton.
    /// </summary>
    public static EgoGrpcServerBuilder AddHealth(this EgoGrpcServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<HealthStatusRegistry>();
        builder.Services.TryAddSingleton<HealthService>();
        var key = builder.Key;
        builder.Services.AddSingleton<IHostedService>(services => new HealthReadinessBinding(services, key));
        return builder.AddService<HealthService>();
    }

    /// <summary>Serves grpc.health.v1.Health from <paramref name="registry"/> on a server built without DI.</summary>
    public static GrpcServerBuilder AddHealth(this GrpcServerBuilder builder, HealthStatusRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(registry);
        return builder.AddService(new HealthService(registry));
    }
}
