using Ego.Components;

namespace Ego.Tracing;

/// <summary>The OTLP exporter of <see cref="TracingOptions"/>, bound from <c>trace.otlp</c>.</summary>
public sealed class TracingOtlpOptions
{
    /// <summary>
    /// Collector address: <c>host:port</c> or a URL. For <c>http/protobuf</c> a URL without a path gets <c>/v1/traces</c>.
    /// </summary>
    public string Endpoint { get; set; } = "localhost:4317";

    /// <summary><c>grpc</c> or <c>http/protobuf</c>.</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>Headers sent with every export, e.g. an authentication token.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>How long one export may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The endpoint as an absolute URI for <see cref="Protocol"/>.</summary>
    public Uri EndpointUri()
    {
        var text = Endpoint.Contains("://", StringComparison.Ordinal) ? Endpoint : "http://" + Endpoint;
        var uri = new Uri(text, UriKind.Absolute);
        return Protocol == "http/protobuf" && uri.AbsolutePath is "" or "/" ? new Uri(uri, "/v1/traces") : uri;
    }

    internal void Validate(ICollection<ComponentOptionError> errors)
    {
        if (Protocol is not ("grpc" or "http/protobuf"))
        {
            errors.Add(new("otlp.protocol", $"'{Protocol}' is not supported: expected grpc or http/protobuf"));
        }

        var text = Endpoint.Contains("://", StringComparison.Ordinal) ? Endpoint : "http://" + Endpoint;
        if (string.IsNullOrWhiteSpace(Endpoint) || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add(new("otlp.endpoint", $"'{Endpoint}' is not an endpoint: expected host:port or http(s)://host:port[/path]"));
        }

        if (Timeout <= TimeSpan.Zero)
        {
            errors.Add(new("otlp.timeout", $"{Timeout} must be positive, e.g. \"10s\""));
        }
    }
}
