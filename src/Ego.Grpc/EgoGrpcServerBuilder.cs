using System.Diagnostics.CodeAnalysis;
using Ego.Components;
using Ego.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ego.Grpc;

/// <summary>Registers services and interceptors of a DI-hosted gRPC server (<see cref="GrpcServiceCollectionExtensions.AddEgoGrpcServer"/>).</summary>
public sealed class EgoGrpcServerBuilder
{
    private readonly List<Action<GrpcServerBuilder, IServiceProvider>> _steps = [];

    internal EgoGrpcServerBuilder(IServiceCollection services, string key)
    {
        Services = services;
        Key = key;
    }

    public IServiceCollection Services { get; }

    /// <summary>The config key of the server.</summary>
    public string Key { get; }

    /// <summary>
    /// Adds a service implementation (deriving from a generated base class). It is registered as scoped unless
    /// already registered, and resolved from a new scope for every call.
    /// </summary>
    public EgoGrpcServerBuilder AddService<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] TImpl>()
        where TImpl : class
    {
        Services.TryAddScoped<TImpl>();
        _steps.Add((builder, provider) => builder.AddService<TImpl>(provider));
        return this;
    }

    /// <summary>Adds a server interceptor resolved from DI (registered as a singleton unless already registered).</summary>
    public EgoGrpcServerBuilder AddInterceptor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TInterceptor>()
        where TInterceptor : Interceptor
    {
        Services.TryAddSingleton<TInterceptor>();
        _steps.Add((builder, provider) => builder.AddInterceptor(provider.GetRequiredService<TInterceptor>()));
        return this;
    }

    public EgoGrpcServerBuilder AddInterceptor(Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        _steps.Add((builder, _) => builder.AddInterceptor(interceptor));
        return this;
    }

    /// <summary>Adjusts the server builder when the server is created, with the application's services (extensions use it).</summary>
    public EgoGrpcServerBuilder Configure(Action<GrpcServerBuilder, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _steps.Add(configure);
        return this;
    }

    internal GrpcServer Create(IServiceProvider provider, CallerLocation caller)
    {
        var configuration = provider.GetRequiredService<IConfiguration>();
        var builder = GrpcServer.Load(configuration, Key, caller.File, caller.Line).UseServiceProvider(provider);
        if (provider.GetService<EgoEnvironment>() is { } environment)
        {
            builder.UseEnvironment(environment);
        }

        if (provider.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        if (provider.GetService<TimeProvider>() is { } timeProvider)
        {
            builder.UseTimeProvider(timeProvider);
        }

        foreach (var step in _steps)
        {
            step(builder, provider);
        }

        return builder.Build();
    }
}
