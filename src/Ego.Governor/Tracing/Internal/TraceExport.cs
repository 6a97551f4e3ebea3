using System.Globalization;
using Ego.Tracing;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ego.Governor.Tracing.Internal;

/// <summary>Builds the OpenTelemetry tracer provider that samples and exports the Ego source's spans over OTLP.</summary>
internal static class TraceExport
{
    public static TracerProvider CreateProvider(TracingOptions options, string serviceName, string instance, Action<TracerProviderBuilder>? configure)
    {
        var otlp = options.Otlp;
        var builder = Sdk.CreateTracerProviderBuilder()
            .AddSource(EgoTracing.SourceName)
            .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.Fraction)))
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(serviceName, serviceInstanceId: instance, autoGenerateServiceInstanceId: false))
            .AddOtlpExporter(exporter =>
            {
                exporter.Endpoint = otlp.EndpointUri();
                exporter.Protocol = otlp.Protocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                exporter.TimeoutMilliseconds = (int)Math.Min(int.MaxValue, otlp.Timeout.TotalMilliseconds);
                if (otlp.Headers.Count > 0)
                {
                    exporter.Headers = string.Join(',', otlp.Headers.Select(h => h.Key + "=" + h.Value));
                }
            });
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Sends what is still queued, within the export timeout.</summary>
    public static void Flush(TracerProvider provider, TracingOptions options)
        => provider.ForceFlush((int)Math.Min(int.MaxValue, options.Otlp.Timeout.TotalMilliseconds));

    public static string Describe(TracingOptions options)
        => string.Create(CultureInfo.InvariantCulture, $"{options.Otlp.Protocol} {options.Otlp.EndpointUri()} fraction {options.Fraction}");
}
