using Ego.Components;
using Ego.Tracing;

namespace Ego.Core.Tests.Tracing;

public sealed class TraceOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        var errors = new List<ComponentOptionError>();

        new TracingOptions().Validate(errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_EveryValueWrong_ReportsEachKey()
    {
        var options = new TracingOptions { OtelType = "jaeger", Fraction = 1.5, Otlp = { Protocol = "thrift", Endpoint = "ftp://x", Timeout = TimeSpan.Zero } };
        var errors = new List<ComponentOptionError>();

        options.Validate(errors);

        Assert.Equal(["otelType", "fraction", "otlp.protocol", "otlp.endpoint", "otlp.timeout"], errors.Select(e => e.Key));
        Assert.Contains("expected grpc or http/protobuf", errors[2].Message);
    }

    [Theory]
    [InlineData("grpc", "collector:4317", "http://collector:4317/")]
    [InlineData("http/protobuf", "collector:4318", "http://collector:4318/v1/traces")]
    [InlineData("http/protobuf", "https://collector:4318/custom/path", "https://collector:4318/custom/path")]
    public void EndpointUri_ProtocolAndEndpoint_AbsoluteUriWithSignalPathForHttp(string protocol, string endpoint, string expected)
    {
        var otlp = new TracingOtlpOptions { Protocol = protocol, Endpoint = endpoint };

        Assert.Equal(expected, otlp.EndpointUri().ToString());
    }
}
