using Ego.Governor.Tracing;
using Ego.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Ego.Governor.Tests.Tracing;

[Collection(ExportCollection.Name)]
public sealed class EgoTracingBuilderExtensionsTests
{
    [Fact]
    public async Task AddEgoTracing_HttpProtobuf_ExportsServerSpanWithRouteAndAppNameOnStop()
    {
        await using var receiver = await OtlpHttpReceiver.StartAsync();
        using var files = new TracingApp("orders", TracingApp.HttpServer + TracingApp.Trace(receiver.Address, "http/protobuf"));
        var traceId = await CallOnceAsync(files, "/orders/{id}", "/orders/7");

        var spans = await receiver.Sink.WaitAsync(s => s.Any(x => x.TraceId == traceId));

        var span = Assert.Single(spans, s => s.TraceId == traceId);
        Assert.Equal("GET /orders/{id}", span.Name);
        Assert.Equal(Otlp.SpanKind.Server, span.Kind);
        Assert.Equal("orders", span.ServiceName);
        Assert.Equal("Ego", span.ScopeName);
        Assert.Equal("", span.ParentSpanId);
        Assert.Equal("/orders/{id}", span.Attributes["http.route"]);
        Assert.Equal("/orders/7", span.Attributes["url.path"]);
        Assert.Equal("GET", span.Attributes["http.request.method"]);
        Assert.Equal(200L, span.Attributes["http.response.status_code"]);
    }

    [Fact]
    public async Task AddEgoTracing_GrpcProtocolAndServiceName_ExportsToOtlpGrpcReceiver()
    {
        await using var receiver = await OtlpGrpcReceiver.StartAsync();
        using var files = new TracingApp("orders", TracingApp.HttpServer + TracingApp.Trace(receiver.Address, "grpc", serviceName: "orders-api"));
        var traceId = await CallOnceAsync(files, "/ping", "/ping");

        var spans = await receiver.Sink.WaitAsync(s => s.Any(x => x.TraceId == traceId));

        var span = Assert.Single(spans, s => s.TraceId == traceId);
        Assert.Equal("GET /ping", span.Name);
        Assert.Equal("orders-api", span.ServiceName);
    }

    [Fact]
    public async Task AddEgoTracing_FractionZero_ExportsNothingButStillAnswersWithTraceId()
    {
        await using var receiver = await OtlpHttpReceiver.StartAsync();
        using var files = new TracingApp("orders", TracingApp.HttpServer + TracingApp.Trace(receiver.Address, "http/protobuf", fraction: 0));

        var traceId = await CallOnceAsync(files, "/ping", "/ping");

        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.Empty(receiver.Sink.InTrace(traceId));
    }

    [Fact]
    public async Task AddEgoTracing_NoTraceSection_RegistersNoExporter()
    {
        using var files = new TracingApp("orders", TracingApp.HttpServer);
        var builder = files.CreateBuilder().AddEgoTracing();
        await using var app = builder.Build();

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task AddEgoTracing_FractionOutOfRange_FailsStartNamingTheKey()
    {
        using var files = new TracingApp("orders", TracingApp.Trace("127.0.0.1:4317", "grpc", fraction: 2));
        var builder = files.CreateBuilder().AddEgoTracing();
        await using var app = builder.Build();
        var error = new StringWriter();
        app.Error = error;

        var code = await app.RunAsync();

        Assert.Equal(1, code);
        Assert.Contains("trace.fraction: 2 is out of range: expected 0 to 1", error.ToString());
    }

    /// <summary>Starts the app with one route, calls it once, stops it (flushing the exporter); returns the trace id header.</summary>
    private static async Task<string> CallOnceAsync(TracingApp files, string route, string path)
    {
        await using var app = files.CreateBuilder().AddEgoTracing().Build();
        app.MapGet(route, () => "ok");
        await app.StartAsync();
        using var client = new HttpClient();
        using var response = await client.GetAsync(app.Addresses[0] + path);
        await app.StopAsync();
        response.EnsureSuccessStatusCode();
        return Assert.Single(response.Headers.GetValues("x-trace-id"));
    }
}
