using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;

namespace Ego.Grpc.Bench;

/// <summary>
/// <c>sink --port=N</c>: an OTLP/HTTP receiver that reads and drops every export (an empty body is an empty
/// ExportTraceServiceResponse), so a traced service exports for real without a collector on the machine.
/// </summary>
internal static class SinkCommand
{
    public static async Task<int> RunAsync(BenchFlags flags)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
            options.Listen(IPAddress.Loopback, flags.GetInt("port", 0, 0, 65535), listen => listen.Protocols = HttpProtocols.Http1AndHttp2));
        var app = builder.Build();
        long exports = 0;
        app.Run(async context =>
        {
            var body = context.Request.BodyReader;
            while (true)
            {
                var result = await body.ReadAsync(context.RequestAborted);
                body.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }

            Interlocked.Increment(ref exports);
            context.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        var address = app.Urls.First();
        Console.WriteLine($"listening on {new Uri(address).Port}");
        await app.WaitForShutdownAsync();
        Console.WriteLine($"exports received: {Interlocked.Read(ref exports)}");
        return 0;
    }
}
