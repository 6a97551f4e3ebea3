using System.Runtime.CompilerServices;
using Ego.Components;
using Ego.Discovery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ego.Registry.Etcd;

/// <summary>DI registration of the etcd client, registry and resolver.</summary>
public static class EtcdServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="EtcdClient"/> from the <paramref name="etcdKey"/> section, an <see cref="EtcdServiceRegistry"/>
    /// as <see cref="IServiceRegistry"/> (the host registers its servers in it once ready) and the <c>etcd</c> resolver
    /// scheme, both configured from <paramref name="registryKey"/>.
    /// </summary>
    public static IServiceCollection AddEgoEtcdRegistry(this IServiceCollection services, string etcdKey = "etcd", string registryKey = "registry", [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(EtcdServiceRegistry)))
        {
            return services;
        }

        var caller = new CallerLocation(callerFile, callerLine);
        services.TryAddSingleton(provider =>
        {
            var options = ComponentConfiguration.Bind<EtcdOptions>(provider.GetRequiredService<IConfiguration>(), etcdKey, caller, "etcd", required: true).Options;
            return new EtcdClient(options, provider.GetService<ILoggerFactory>(), provider.GetService<TimeProvider>());
        });
        services.TryAddSingleton(provider => ComponentConfiguration.Bind<EtcdRegistryOptions>(provider.GetRequiredService<IConfiguration>(), registryKey, caller, "registry").Options);
        services.TryAddSingleton<EtcdServiceRegistry>();
        services.AddSingleton<IServiceRegistry>(provider => provider.GetRequiredService<EtcdServiceRegistry>());
        services.AddSingleton<IServiceResolverFactory, EtcdResolverFactory>();
        return services;
    }
}
