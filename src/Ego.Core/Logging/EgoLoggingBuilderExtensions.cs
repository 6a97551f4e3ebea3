using Ego.Hosting;
using Ego.Logging.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ego.Logging;

/// <summary>Registers the Ego loggers.</summary>
public static class EgoLoggingBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="EgoLoggerProvider"/> (other providers are kept) configured from <c>logger.ego</c> and
    /// <c>logger.default</c>. Its filter lets every level through so the sections' <c>level</c> alone decides.
    /// </summary>
    public static ILoggingBuilder AddEgoLogging(this ILoggingBuilder builder, IConfiguration configuration, EgoEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        builder.Services.TryAddSingleton(sp => new EgoLoggerProvider(
            configuration, environment, sp.GetService<TimeProvider>() ?? TimeProvider.System, ConsoleStreams.System));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, EgoLoggerProvider>(
            sp => sp.GetRequiredService<EgoLoggerProvider>()));
        builder.AddFilter<EgoLoggerProvider>(null, LogLevel.Trace);

        // Lines carry the trace id as tid (EGO's field); the factory's SpanId/TraceId/ParentId scope would repeat it
        // on every line, and costs a scope walk per line.
        builder.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.None);
        return builder;
    }
}
