using System.Diagnostics;
using Ego.Governor.Tracing;
using Ego.Grpc;
using Ego.Hosting;
using Ego.Http.Tracing;
using Ego.Tracing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ego.Governor.Tests.Tracing;

/// <summary>
/// A caller's HTTP client → service A (HTTP) → A's gRPC client → service B (gRPC): one trace id from end to end,
/// every span's parent the span before it, and that trace id in the response header and in both services' log lines.
/// </summary>
[Collection(ExportCollection.Name)]
public sealed class TwoServiceTraceTests
{
    [Fact]
    public async Task HttpCallIntoAThatCallsBOverGrpc_OneTraceWithChainedSpansHeadersAndLogs()
    {
        await using var receiver = await OtlpHttpReceiver.StartAsync();
        using var bFiles = new TracingApp("stock", "[server.grpc]\nhost = \"127.0.0.1\"\nport = 0\n");
        var bBuilder = bFiles.CreateBuilder();
        bBuilder.Services.AddEgoGrpcServer().AddService<StockService>();
        await using var b = bBuilder.Build();
        await b.StartAsync();

        using var aFiles = new TracingApp("checkout", TracingApp.HttpServer + TracingApp.Trace(receiver.Address, "http/protobuf")
            + $"[grpc.stock]\naddr = \"{b.Addresses[0]}\"\n");
        var aBuilder = aFiles.CreateBuilder().AddEgoTracing();
        aBuilder.Services.AddEgoGrpcClient("grpc.stock");
        await using var a = aBuilder.Build();
        a.MapGet("/checkout/{item}", async (string item, [FromKeyedServices("grpc.stock")] GrpcClient stock, ILoggerFactory logs) =>
        {
            logs.CreateLogger("Shop.Checkout").LogInformation("checkout of {Item}", item);
            return await stock.CallInvoker.AsyncUnaryCall(StockService.ReserveMethod, null, new CallOptions(), item);
        });
        await a.StartAsync();

        string body;
        string header;
        string rootSpanId;
        string traceId;
        using (var root = EgoTracing.Source.StartActivity("caller")!)
        {
            using var client = new HttpClient(new HttpClientTracingHandler { InnerHandler = new SocketsHttpHandler() });
            using var response = await client.GetAsync(a.Addresses[0] + "/checkout/apple");
            body = await response.Content.ReadAsStringAsync();
            header = Assert.Single(response.Headers.GetValues("x-trace-id"));
            traceId = root.TraceId.ToHexString();
            rootSpanId = root.SpanId.ToHexString();
        }

        await a.StopAsync();
        await b.StopAsync();
        await a.DisposeAsync();
        await b.DisposeAsync();

        Assert.Equal("reserved apple", body);
        Assert.Equal(traceId, header);
        var spans = await receiver.Sink.WaitAsync(s => s.Count(x => x.TraceId == traceId) >= 5);
        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        var caller = Assert.Single(trace, s => s.Name == "caller");
        var httpClient = Assert.Single(trace, s => s.Name == "GET" && s.Kind == Otlp.SpanKind.Client);
        var aServer = Assert.Single(trace, s => s.Name == "GET /checkout/{item}");
        var aClient = Assert.Single(trace, s => s.Name == "shop.Stock/Reserve" && s.Kind == Otlp.SpanKind.Client);
        var bServer = Assert.Single(trace, s => s.Name == "shop.Stock/Reserve" && s.Kind == Otlp.SpanKind.Server);
        Assert.Equal(rootSpanId, caller.SpanId);
        Assert.Equal(caller.SpanId, httpClient.ParentSpanId);
        Assert.Equal(httpClient.SpanId, aServer.ParentSpanId);
        Assert.Equal(aServer.SpanId, aClient.ParentSpanId);
        Assert.Equal(aClient.SpanId, bServer.ParentSpanId);
        Assert.Equal(Otlp.SpanKind.Server, aServer.Kind);
        Assert.Equal("grpc", bServer.Attributes["rpc.system"]);
        Assert.Equal("shop.Stock", bServer.Attributes["rpc.service"]);
        Assert.Equal("Reserve", bServer.Attributes["rpc.method"]);
        Assert.Equal(0L, bServer.Attributes["rpc.grpc.status_code"]);
        Assert.Equal(200L, httpClient.Attributes["http.response.status_code"]);
        Assert.Equal(traceId, Assert.Single(aFiles.LogLines("checkout of")).GetProperty("tid").GetString());
        Assert.Equal(traceId, Assert.Single(bFiles.LogLines("stock reserving")).GetProperty("tid").GetString());
    }
}
