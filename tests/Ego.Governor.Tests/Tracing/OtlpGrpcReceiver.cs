using Ego.Governor.Tests.Tracing.Otlp;
using Ego.Grpc;
using Microsoft.Extensions.Configuration;

namespace Ego.Governor.Tests.Tracing;

/// <summary>An OTLP/gRPC trace receiver (<c>TraceService/Export</c>) served by an Ego.Grpc server on 127.0.0.1.</summary>
internal sealed class OtlpGrpcReceiver : IAsyncDisposable
{
    private static readonly Method<ExportTraceServiceRequest, ExportTraceServiceResponse> Export = new(
        MethodType.Unary,
        "opentelemetry.proto.collector.trace.v1.TraceService",
        "Export",
        Marshallers.ForProtobuf(ExportTraceServiceRequest.Parser),
        Marshallers.ForProtobuf(ExportTraceServiceResponse.Parser));

    private readonly GrpcServer server;

    private OtlpGrpcReceiver(GrpcServer server) => this.server = server;

    public SpanSink Sink { get; } = new();

    public string Address => server.Addresses[0];

    public static async Task<OtlpGrpcReceiver> StartAsync()
    {
        // The receiver's own calls must not be traced: they would be exported to itself.
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["server:grpc:host"] = "127.0.0.1",
            ["server:grpc:port"] = "0",
            ["server:grpc:enableTraceInterceptor"] = "false",
        }).Build();
        var builder = GrpcServer.Load(config);
        OtlpGrpcReceiver? receiver = null;
        builder.AddService(ServerServiceDefinition.CreateBuilder().AddMethod(Export, (request, _) =>
        {
            receiver!.Sink.Add(request);
            return Task.FromResult(new ExportTraceServiceResponse());
        }).Build());
        var server = builder.Build();
        receiver = new OtlpGrpcReceiver(server);
        await server.StartAsync(CancellationToken.None);
        return receiver;
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();
}
