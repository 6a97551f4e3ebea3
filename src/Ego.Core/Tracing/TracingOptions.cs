using Ego.Components;

namespace Ego.Tracing;

/// <summary>
/// Trace export, bound from <c>trace</c> (EGO's keys: <c>serviceName</c>, <c>otelType</c>, <c>fraction</c>,
/// <c>otlp.endpoint</c>, <c>otlp.headers</c>; <c>otlp.protocol</c>, <c>otlp.timeout</c> and <c>enabled</c> are Ego.NET's).
/// </summary>
public sealed class TracingOptions : IComponentOptions
{
    public const string DefaultKey = "trace";

    /// <summary>Export spans; false keeps trace ids and propagation but sends nothing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The <c>service.name</c> resource attribute; empty means the application name (<c>EGO_NAME</c>).</summary>
    public string ServiceName { get; set; } = "";

    /// <summary>Exporter kind; only <c>otlp</c> (Jaeger, Tempo and the collector all accept OTLP).</summary>
    public string OtelType { get; set; } = "otlp";

    /// <summary>Share of new traces sampled, 0 to 1; a call with a remote parent follows the parent's decision.</summary>
    public double Fraction { get; set; } = 1.0;

    /// <summary>Where and how spans are sent.</summary>
    public TracingOtlpOptions Otlp { get; set; } = new();

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (OtelType != "otlp")
        {
            errors.Add(new("otelType", $"'{OtelType}' is not supported: expected otlp (Jaeger accepts OTLP on 4317/4318)"));
        }

        if (double.IsNaN(Fraction) || Fraction is < 0 or > 1)
        {
            errors.Add(new("fraction", $"{Fraction} is out of range: expected 0 to 1"));
        }

        Otlp.Validate(errors);
    }
}
