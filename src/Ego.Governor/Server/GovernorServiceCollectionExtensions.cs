using System.Runtime.CompilerServices;
using Ego.Components;
using Ego.Governor.Metrics;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Server;

/// <summary>DI registration of the governor server.</summary>
public static class GovernorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the governor built from the <paramref name="key"/> section (port 9003 by default) as a keyed
    /// <see cref="GovernorServer"/> singleton and an <see cref="IEgoServer"/> the application starts after the other
    /// servers. Also registers the metrics collector (<see cref="MetricsServiceCollectionExtensions.AddEgoMetrics"/>)
    /// served at <c>/metrics</c>.
    /// </summary>
    public static EgoGovernorBuilder AddEgoGovernor(this IServiceCollection services, string key = GovernorOptions.DefaultKey, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var builder = new EgoGovernorBuilder(services, key);
        var caller = new CallerLocation(callerFile, callerLine);
        services.AddEgoMetrics();
        services.AddKeyedSingleton(key, (provider, _) => GovernorServer.Create(provider, key, caller, builder.Routes));
        services.AddSingleton<IEgoServer>(provider => provider.GetRequiredKeyedService<GovernorServer>(key));
        return builder;
    }
}
