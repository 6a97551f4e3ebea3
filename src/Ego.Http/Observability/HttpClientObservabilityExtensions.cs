using Ego.Components;
using Ego.Hosting;
using Ego.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Http.Observability;

/// <summary>Adds EGO's access log, metrics and propagated headers to an <see cref="IHttpClientBuilder"/>.</summary>
public static class HttpClientObservabilityExtensions
{
    /// <summary>Component name of HTTP clients in access lines, as EGO's.</summary>
    public const string Component = "client.ehttp";

    /// <summary>
    /// Adds <see cref="HttpClientObservabilityHandler"/>. Options are bound from the <paramref name="name"/> config
    /// section when it exists (e.g. <c>http.payments</c>), then <paramref name="configure"/> runs.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (when the client is created); the message names each key.</exception>
    public static IHttpClientBuilder AddEgoObservability(this IHttpClientBuilder builder, string name, Action<HttpClientObservabilityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.AddHttpMessageHandler(services =>
        {
            var options = new HttpClientObservabilityOptions();
            services.GetService<IConfiguration>()?.GetSection(ConfigKey.ToPath(name)).Bind(options);
            configure?.Invoke(options);
            var errors = new List<ComponentOptionError>();
            options.Validate(errors);
            if (errors.Count > 0)
            {
                throw new ArgumentException($"Invalid HTTP client options of {name}: " + string.Join("; ", errors), nameof(configure));
            }

            var environment = services.GetService<EgoEnvironment>() ?? new EgoEnvironment();
            return Create(name, options, environment, services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance, null);
        });
    }

    /// <summary>The handler for <paramref name="name"/>, without dependency injection.</summary>
    public static HttpClientObservabilityHandler Create(string name, HttpClientObservabilityOptions options, EgoEnvironment environment, ILoggerFactory loggerFactory, TextWriter? debugOutput)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var settings = AccessLogSettings.Create(Component, name, "", options, environment, debugOutput);
        var access = new AccessLogger(loggerFactory.CreateLogger("Ego.Http.Client.Access"), settings);
        return new HttpClientObservabilityHandler(access, options.EnableAppNameInterceptor ? environment.AppName : null, options.EnableMetricInterceptor);
    }
}
