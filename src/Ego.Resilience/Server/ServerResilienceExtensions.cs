using System.Runtime.CompilerServices;
using Ego.Components;
using Ego.Grpc;
using Ego.Hosting;
using Ego.Resilience.Isolation;
using Ego.Resilience.LoadShedding;
using Ego.Resilience.Server.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Resilience.Server;

/// <summary>Switches on server traffic governance, configured from the server's own section.</summary>
public static class ServerResilienceExtensions
{
    /// <summary>
    /// Adds the governance interceptor to a DI-hosted gRPC server, configured from its section (<c>server.grpc.enableShedding</c>...),
    /// and its figures to the governor. Call it before adding other interceptors so it runs first.
    /// </summary>
    public static EgoGrpcServerBuilder AddResilience(this EgoGrpcServerBuilder builder, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var key = builder.Key;
        Register(builder.Services, key, "grpc", new CallerLocation(callerFile, callerLine));
        return builder.Configure((server, provider) => server.AddInterceptor(new GrpcServerResilienceInterceptor(provider.GetRequiredKeyedService<ServerGovernance>(key))));
    }

    /// <summary>
    /// Adds governance to the application's HTTP server, configured from <paramref name="key"/>: first in the
    /// application's pipeline, after routing (limits and timeouts apply per route) and inside the access log (refusals
    /// are logged with their event); and its figures to the governor.
    /// </summary>
    public static EgoApplicationBuilder AddHttpResilience(this EgoApplicationBuilder builder, string key = HttpServerOptions.DefaultKey, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Register(builder.Services, key, "http", new CallerLocation(callerFile, callerLine));
        builder.ConfigurePipeline(app => app.UseMiddleware<HttpServerResilienceMiddleware>(app.ApplicationServices.GetRequiredKeyedService<ServerGovernance>(key)));
        return builder;
    }

    /// <summary>
    /// Adds governance with options made in code to a pipeline, after <c>UseRouting</c> so limits apply per route.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names every invalid option.</exception>
    public static IApplicationBuilder UseEgoHttpResilience(this IApplicationBuilder app, ServerResilienceOptions options, string name = HttpServerOptions.DefaultKey, ICpuUsageSource? cpu = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ApplicationServices;
        var governance = GrpcServerResilienceInterceptor.CreateGovernance("http", name, options, cpu ?? services.GetService<ICpuUsageSource>(),
            timeProvider ?? services.GetService<TimeProvider>(), services.GetService<ILoggerFactory>(), watchRules: true);
        return app.UseMiddleware<HttpServerResilienceMiddleware>(governance);
    }

    private static void Register(IServiceCollection services, string key, string type, CallerLocation caller)
    {
        services.TryAddSingleton<ICpuUsageSource>(provider => new CgroupCpuUsageSource(provider.GetService<TimeProvider>()));
        services.AddKeyedSingleton<ServerGovernance>(key, (provider, _) =>
        {
            var options = ComponentConfiguration.Bind<ServerResilienceOptions>(provider.GetRequiredService<IConfiguration>(), key, caller, key).Options;
            var loggerFactory = provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            if (SafeRun.Logger is NullLogger)
            {
                SafeRun.Logger = loggerFactory.CreateLogger("Ego.Resilience.SafeRun");
            }

            return new ServerGovernance(type, key, options, provider.GetRequiredService<ICpuUsageSource>(), provider.GetService<TimeProvider>() ?? TimeProvider.System,
                loggerFactory.CreateLogger("Ego.Resilience.Server"), provider.GetService<EgoEnvironment>()?.Watch ?? true);
        });
        services.AddSingleton<IGovernorStats>(provider => new ServerResilienceStats(provider.GetRequiredKeyedService<ServerGovernance>(key)));
    }
}
