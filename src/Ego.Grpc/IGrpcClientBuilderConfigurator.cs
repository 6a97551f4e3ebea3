namespace Ego.Grpc;

/// <summary>
/// Adjusts every client that <see cref="GrpcClientServiceCollectionExtensions.AddEgoGrpcClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, string, int)"/>
/// builds (e.g. adds interceptors) just before it is built. Register implementations in DI.
/// </summary>
public interface IGrpcClientBuilderConfigurator
{
    void Configure(GrpcClientBuilder builder, IServiceProvider services);
}
