using System.Runtime.CompilerServices;
using Ego.Components;
using Ego.Discovery;
using Ego.FailFast;
using Ego.Hosting;
using Ego.Registry.Kubernetes.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Registry.Kubernetes;

/// <summary>Registration of the <c>k8s</c> resolver.</summary>
public static class KubernetesDiscoveryExtensions
{
    /// <summary>
    /// Binds <see cref="KubernetesOptions"/> from <paramref name="key"/> (in-cluster defaults when the section is missing)
    /// and registers the <c>k8s</c> resolver; bad options, or an in-cluster start outside a pod, fail the start naming the key.
    /// </summary>
    public static EgoApplicationBuilder AddKubernetesDiscovery(this EgoApplicationBuilder builder, string key = KubernetesOptions.DefaultKey,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.AddOptions<KubernetesOptions>(key, callerFile: callerFile, callerLine: callerLine);
        Register(builder.Services, options, key, new CallerLocation(callerFile, callerLine), KubernetesEnvironment.Process);
        builder.OnBeforeStart((services, _) =>
        {
            services.GetRequiredService<KubernetesResolverFactory>();
            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>Registers the <c>k8s</c> resolver with options set in code (in-cluster defaults unless <paramref name="configure"/> sets <c>Addr</c>).</summary>
    public static IServiceCollection AddKubernetesResolver(this IServiceCollection services, Action<KubernetesOptions>? configure = null,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new KubernetesOptions();
        configure?.Invoke(options);
        return Register(services, options, KubernetesOptions.DefaultKey, new CallerLocation(callerFile, callerLine), KubernetesEnvironment.Process);
    }

    internal static IServiceCollection Register(IServiceCollection services, KubernetesOptions options, string key, CallerLocation caller, KubernetesEnvironment environment)
    {
        if (services.Any(d => d.ServiceType == typeof(KubernetesResolverFactory)))
        {
            return services;
        }

        services.AddSingleton(provider => Create(options, key, caller, environment, provider));
        services.AddSingleton<IServiceResolverFactory>(provider => provider.GetRequiredService<KubernetesResolverFactory>());
        services.AddSingleton<IGovernorStats>(provider => new KubernetesDiscoveryStats(key, provider.GetRequiredService<KubernetesResolverFactory>()));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    private static KubernetesResolverFactory Create(KubernetesOptions options, string key, CallerLocation caller, KubernetesEnvironment environment, IServiceProvider provider)
    {
        var time = provider.GetRequiredService<TimeProvider>();
        var errors = new List<ComponentOptionError>();
        var connection = KubernetesConnection.Resolve(options, environment, time, errors);
        if (connection is null)
        {
            throw new EgoStartupException("invalid config", string.Join("; ", errors.Select(e => $"{key}.{e.Key}: {e.Message}")), key, caller, "k8s");
        }

        return new KubernetesResolverFactory(options, connection, time, provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
    }
}
