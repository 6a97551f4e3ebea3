using Ego.Governor.Tracing.Internal;
using Ego.Hosting;
using Ego.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Ego.Governor.Tracing;

/// <summary>Exports the application's spans over OTLP as configured in the <c>trace</c> section.</summary>
public static class EgoTracingBuilderExtensions
{
    /// <summary>
    /// Binds <c>trace</c> and, when the section exists with <c>enabled</c> on, samples and exports the spans of every
    /// server and client over OTLP from start until stop, when what is queued is flushed. Without the section spans
    /// still carry trace ids and propagate, but nothing is sent. <paramref name="configure"/> adds sources or processors.
    /// </summary>
    public static EgoApplicationBuilder AddEgoTracing(this EgoApplicationBuilder builder, Action<TracerProviderBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.AddOptions<TracingOptions>(TracingOptions.DefaultKey);
        if (!options.Enabled || !builder.Configuration.GetSection(TracingOptions.DefaultKey).Exists())
        {
            return builder;
        }

        var serviceName = options.ServiceName.Length > 0 ? options.ServiceName : builder.Environment.AppName;
        var instance = builder.Environment.Instance;
        builder.Services.AddSingleton(_ => TraceExport.CreateProvider(options, serviceName, instance, configure));
        builder.OnBeforeStart((services, _) =>
        {
            services.GetRequiredService<TracerProvider>();
            TracingLog.ExportStarted(services.GetRequiredService<ILoggerFactory>().CreateLogger("Ego.Tracing"), serviceName, TraceExport.Describe(options));
            return Task.CompletedTask;
        });
        // The flush stage comes after the clients are closed, so the spans of their last calls are exported too.
        builder.OnStop(StopStage.Flush, (services, _) =>
        {
            TraceExport.Flush(services.GetRequiredService<TracerProvider>(), options);
            return Task.CompletedTask;
        });
        return builder;
    }
}
