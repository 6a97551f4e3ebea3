using System.Runtime.CompilerServices;
using Ego.Components;
using Ego.Discovery;
using Ego.Hosting;
using Ego.Http.Client.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ego.Http.Client;

/// <summary>DI registration of HTTP clients built from <c>http.&lt;name&gt;</c> config sections.</summary>
public static class EgoHttpClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers the client of the <paramref name="key"/> section as a keyed <see cref="EgoHttpClient"/> singleton, built
    /// when the application starts so a bad <c>addr</c> stops the start with an error naming the key. Resolver schemes come
    /// from the <see cref="IServiceResolverFactory"/> services; the governor lists its endpoints.
    /// </summary>
    public static IServiceCollection AddEgoHttpClient(this IServiceCollection services, string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (services.Any(d => d.IsKeyedService && Equals(d.ServiceKey, key) && d.ServiceType == typeof(EgoHttpClient)))
        {
            return services;
        }

        services.AddKeyedSingleton(key, (provider, _) =>
        {
            var builder = EgoHttpClient.Load(provider.GetRequiredService<IConfiguration>(), key, callerFile, callerLine)
                .UseResolvers(provider.GetServices<IServiceResolverFactory>());
            if (provider.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                builder.UseLoggerFactory(loggerFactory);
            }

            if (provider.GetService<EgoEnvironment>() is { } environment)
            {
                builder.UseEnvironment(environment);
            }

            if (provider.GetService<TimeProvider>() is { } timeProvider)
            {
                builder.UseTimeProvider(timeProvider);
            }

            return builder.Build();
        });
        services.AddSingleton<IHostedService>(provider => new EgoHttpClientStartup(provider, key));
        services.AddSingleton<IGovernorStats>(provider => new EgoHttpClientStats(provider.GetRequiredKeyedService<EgoHttpClient>(key)));
        return services;
    }
}
