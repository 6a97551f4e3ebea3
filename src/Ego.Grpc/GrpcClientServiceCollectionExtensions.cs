using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Ego.Components;
using Ego.Grpc.Internal.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ego.Grpc;

/// <summary>DI registration of gRPC clients built from <c>grpc.&lt;name&gt;</c> config sections.</summary>
public static class GrpcClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers the client of the <paramref name="key"/> section as a keyed <see cref="GrpcClient"/> singleton. It is built
    /// when the application starts, so with <c>onFail = "panic"</c> an unreachable server stops the start with a fail-fast
    /// error naming the key and address, instead of failing the first call.
    /// </summary>
    public static IServiceCollection AddEgoGrpcClient(this IServiceCollection services, string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (services.Any(d => d.IsKeyedService && Equals(d.ServiceKey, key) && d.ServiceType == typeof(GrpcClient)))
        {
            return services;
        }

        services.AddKeyedSingleton(key, (provider, _) =>
        {
            var builder = GrpcClient.Load(provider.GetRequiredService<IConfiguration>(), key, callerFile, callerLine);
            if (provider.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                builder.UseLoggerFactory(loggerFactory);
            }

            if (provider.GetService<Ego.Hosting.EgoEnvironment>() is { } environment)
            {
                builder.UseEnvironment(environment);
            }

            builder.UseResolvers(provider.GetServices<Ego.Discovery.IServiceResolverFactory>());
            if (provider.GetService<TimeProvider>() is { } timeProvider)
            {
                builder.UseTimeProvider(timeProvider);
            }

            foreach (var configurator in provider.GetServices<IGrpcClientBuilderConfigurator>())
            {
                configurator.Configure(builder, provider);
            }

            return builder.Build();
        });
        services.AddSingleton<IHostedService>(provider => new GrpcClientStartup(provider, key));
        services.AddSingleton<IGovernorStats>(provider => new GrpcClientStats(provider.GetRequiredKeyedService<GrpcClient>(key)));
        return services;
    }

    /// <summary>Registers the client of <paramref name="key"/> and a generated client type over it as a singleton.</summary>
    public static IServiceCollection AddEgoGrpcClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(this IServiceCollection services, string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TClient : ClientBase
    {
        services.AddEgoGrpcClient(key, callerFile, callerLine);
        services.TryAddSingleton(provider => provider.GetRequiredKeyedService<GrpcClient>(key).CreateClient<TClient>());
        return services;
    }
}
