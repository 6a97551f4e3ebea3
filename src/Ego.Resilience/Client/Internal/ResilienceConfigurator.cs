using Ego.Grpc;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Resilience.Client.Internal;

/// <summary>Adds governance to every gRPC client built by <c>AddEgoGrpcClient</c>.</summary>
internal sealed class ResilienceConfigurator : IGrpcClientBuilderConfigurator
{
    public void Configure(GrpcClientBuilder builder, IServiceProvider services)
    {
        var resilience = ClientResilienceExtensions.Load(services, builder.Name, ClientResilience.Grpc, null);
        builder.AddInterceptor(new GrpcClientResilienceInterceptor(resilience, builder.Options.ReadTimeout));
    }
}
