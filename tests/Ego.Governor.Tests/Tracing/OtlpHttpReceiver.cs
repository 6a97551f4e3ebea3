using Ego.Governor.Tests.Tracing.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ego.Governor.Tests.Tracing;

/// <summary>An OTLP/HTTP (protobuf) trace receiver on 127.0.0.1 with an ephemeral port.</summary>
internal sealed class OtlpHttpReceiver : IAsyncDisposable
{
    private readonly WebApplication web;

    private OtlpHttpReceiver(WebApplication web) => this.web = web;

    public SpanSink Sink { get; } = new();

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>; the exporter adds <c>/v1/traces</c>.</summary>
    public string Address => web.Urls.First();

    public static async Task<OtlpHttpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var web = builder.Build();
        var receiver = new OtlpHttpReceiver(web);
        web.MapPost("/v1/traces", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            receiver.Sink.Add(ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
            await context.Response.Body.WriteAsync(new ExportTraceServiceResponse().ToByteArray(), context.RequestAborted);
        });
        await web.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await web.DisposeAsync();
}
