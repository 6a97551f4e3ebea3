using Ego.Components;
using Ego.Http.Envelope.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Runtime.CompilerServices;

namespace Ego.Http.Envelope;

/// <summary>Registration of the response envelope.</summary>
public static class EgoEnvelopeExtensions
{
    /// <summary>
    /// Wraps the success results of these endpoints (a route group, or one endpoint) in the envelope when
    /// <see cref="HttpEnvelopeOptions.Enabled"/>; <c>UseEgoErrors</c> wraps their errors.
    /// </summary>
    public static TBuilder WithEgoEnvelope<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilter(new EnvelopeEndpointFilter());
    }

    /// <summary>Binds <see cref="HttpEnvelopeOptions"/> from <paramref name="key"/> (defaults when the section is missing), validates and registers them.</summary>
    /// <exception cref="Ego.FailFast.EgoStartupException">A value does not convert or is invalid; the message names the key.</exception>
    public static IServiceCollection AddEgoEnvelope(this IServiceCollection services, IConfiguration configuration, string key = HttpEnvelopeOptions.DefaultKey,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = ComponentConfiguration.Bind<HttpEnvelopeOptions>(configuration, key, new CallerLocation(callerFile, callerLine), key).Options;
        return services.AddSingleton(options);
    }

    /// <summary>Registers envelope options set in code (enabled unless <paramref name="configure"/> turns it off).</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names each bad option.</exception>
    public static IServiceCollection AddEgoEnvelope(this IServiceCollection services, Action<HttpEnvelopeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new HttpEnvelopeOptions { Enabled = true };
        configure?.Invoke(options);
        var errors = new List<ComponentOptionError>();
        options.Validate(errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid envelope options: {string.Join("; ", errors)}", nameof(configure));
        }

        return services.AddSingleton(options);
    }
}
