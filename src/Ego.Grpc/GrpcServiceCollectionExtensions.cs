using System.Runtime.CompilerServices;
using Ego.Components;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Grpc;

/// <summary>DI registration of gRPC servers.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// Registers a gRPC server built from the <paramref name="key"/> config section as a keyed <see cref="GrpcServer"/>
    /// singleton and as an <see cref="IEgoServer"/>, so the application host starts and stops it.
    /// </summary>
    public static EgoGrpcServerBuilder AddEgoGrpcServer(this IServiceCollection services, string key = "server.grpc", [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var builder = new EgoGrpcServerBuilder(services, key);
        var caller = new CallerLocation(callerFile, callerLine);
        services.AddKeyedSingleton(key, (provider, _) => builder.Create(provider, caller));
        services.AddSingleton<IEgoServer>(provider => provider.GetRequiredKeyedService<GrpcServer>(key));
        return builder;
    }
}
