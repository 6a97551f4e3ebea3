using System.Runtime.CompilerServices;
using Ego.Components;
using Ego.Grpc;
using Ego.Resilience.Client.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ego.Resilience.Client;

/// <summary>Registration of client traffic governance for gRPC clients and HTTP clients.</summary>
public static class ClientResilienceExtensions
{
    internal const string Component = "client.resilience";

    /// <summary>
    /// Governs every gRPC client registered with <c>AddEgoGrpcClient</c>, from the keys of its own section, and shows
    /// the breakers on the governor's <c>/clients/resilience</c>.
    /// </summary>
    public static IServiceCollection AddEgoClientResilience(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddShared(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGrpcClientBuilderConfigurator, ResilienceConfigurator>());
        return services;
    }

    /// <summary>
    /// Adds governance to a gRPC client built by hand, after the observability interceptors, from the keys of the
    /// client's section in <paramref name="configuration"/>.
    /// </summary>
    /// <exception cref="Ego.FailFast.EgoStartupException">A governance key has an invalid value; the error names it.</exception>
    public static GrpcClientBuilder AddEgoResilience(this GrpcClientBuilder builder, IConfiguration configuration, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = Bind(configuration, builder.Name, new CallerLocation(callerFile, callerLine));
        var resilience = new ClientResilience(builder.Name, ClientResilience.Grpc, options, loggerFactory, timeProvider);
        return builder.AddInterceptor(new GrpcClientResilienceInterceptor(resilience, builder.Options.ReadTimeout));
    }

    /// <summary>
    /// Adds <see cref="HttpClientResilienceHandler"/> for the client of <paramref name="name"/> (e.g. <c>http.payments</c>):
    /// options come from that section when it exists, then <paramref name="configure"/>. Add it after the observability
    /// handler. Its breakers and budget live as long as the application, across handler rotations.
    /// </summary>
    public static IHttpClientBuilder AddEgoResilience(this IHttpClientBuilder builder, string name, Action<ClientResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        AddShared(builder.Services);
        return builder.AddHttpMessageHandler(services => new HttpClientResilienceHandler(Load(services, name, ClientResilience.Http, configure)));
    }

    internal static ClientResilience Load(IServiceProvider services, string name, string type, Action<ClientResilienceOptions>? configure)
    {
        var registry = services.GetRequiredService<ClientResilienceRegistry>();
        return registry.GetOrAdd(name, () =>
        {
            var options = services.GetService<IConfiguration>() is { } configuration ? Bind(configuration, name, new CallerLocation("", 0)) : new ClientResilienceOptions();
            configure?.Invoke(options);
            return new ClientResilience(name, type, options, services.GetService<ILoggerFactory>(), services.GetService<TimeProvider>());
        });
    }

    private static ClientResilienceOptions Bind(IConfiguration configuration, string name, CallerLocation caller)
        => ComponentConfiguration.Bind<ClientResilienceOptions>(configuration, name, caller, Component).Options;

    private static void AddShared(IServiceCollection services)
    {
        services.TryAddSingleton<ClientResilienceRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGovernorStats, ClientResilienceStats>());
    }
}
