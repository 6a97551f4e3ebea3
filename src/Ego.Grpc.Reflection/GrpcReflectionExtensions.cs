using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ego.Grpc.Reflection;

/// <summary>Adds gRPC server reflection (v1 and v1alpha) to a gRPC server.</summary>
public static class GrpcReflectionExtensions
{
    /// <summary>
    /// Serves grpc.reflection.v1 and v1alpha ServerReflection on this server, describing every service it serves
    /// (the reflection and health services included), so generic clients can call it without its protos.
    /// </summary>
    public static EgoGrpcServerBuilder AddReflection(this EgoGrpcServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var key = builder.Key;

        // Deferred: the index needs the server's service list, and the server needs these services to be built.
        builder.Services.TryAddSingleton(services => new ReflectionIndex(() => ServiceDescriptorCatalog.Find(services.GetRequiredKeyedService<GrpcServer>(key).ServiceNames)));
        builder.Services.TryAddSingleton<ServerReflectionV1Service>();
        builder.Services.TryAddSingleton<ServerReflectionV1alphaService>();
        return builder.AddService<ServerReflectionV1Service>().AddService<ServerReflectionV1alphaService>();
    }

    /// <summary>Serves reflection over <paramref name="services"/> on a server built without DI.</summary>
    public static GrpcServerBuilder AddReflection(this GrpcServerBuilder builder, IEnumerable<Google.Protobuf.Reflection.ServiceDescriptor> services)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var index = new ReflectionIndex([.. services, V1.ServerReflection.Descriptor, V1alpha.ServerReflection.Descriptor]);
        return builder.AddService(new ServerReflectionV1Service(index)).AddService(new ServerReflectionV1alphaService(index));
    }
}
