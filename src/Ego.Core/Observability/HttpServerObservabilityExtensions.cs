using Ego.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Observability;

/// <summary>Adds the HTTP server's access log and metrics to a pipeline (<see cref="EgoApplication"/> does it for <c>server.http</c>).</summary>
public static class HttpServerObservabilityExtensions
{
    /// <summary>Component name of HTTP servers in access lines, as EGO's.</summary>
    public const string Component = "server.egin";

    /// <summary>Adds the middleware configured by <paramref name="options"/>, with the environment and loggers of the application's services.</summary>
    public static IApplicationBuilder UseEgoHttpObservability(this IApplicationBuilder app, HttpServerOptions options, string name = HttpServerOptions.DefaultKey)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        var environment = app.ApplicationServices.GetService<EgoEnvironment>();
        var settings = AccessLogSettings.Create(Component, name, "", options, environment, null, includeScopes: false);
        return app.UseEgoHttpObservability(settings, options.EnableMetricInterceptor);
    }

    /// <summary>Adds the middleware with explicit settings.</summary>
    public static IApplicationBuilder UseEgoHttpObservability(this IApplicationBuilder app, AccessLogSettings settings, bool enableMetrics = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        var loggerFactory = app.ApplicationServices.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var access = new AccessLogger(loggerFactory.CreateLogger("Ego.Http.Server.Access"), settings);
        return app.UseMiddleware<HttpServerObservabilityMiddleware>(access, enableMetrics);
    }
}
