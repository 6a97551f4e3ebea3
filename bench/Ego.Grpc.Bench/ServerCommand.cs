using System.Runtime.InteropServices;
using Ego.Bench.Shared;

namespace Ego.Grpc.Bench;

/// <summary><c>server --port=N [--host=127.0.0.1]</c>: the Echo service on a GrpcServer with the observability interceptors off, until SIGTERM or Ctrl+C;
/// prints <c>jit: N</c> once a second.</summary>
internal static class ServerCommand
{
    public static async Task<int> RunAsync(BenchFlags flags)
    {
        var options = RawServerOptions.Create(flags.Get("host", "127.0.0.1"), flags.GetInt("port", 0, 0, 65535), flags.GetInt("max-streams", 100, 1));
        await using var server = GrpcServer.CreateBuilder(options).AddService(new EchoService()).Build();
        await server.StartAsync(CancellationToken.None);
        var address = server.Addresses[0];
        Console.WriteLine($"listening on {address[(address.LastIndexOf(':') + 1)..]}");
        using var stopReporting = new CancellationTokenSource();
        var reporting = JitSettling.ReportAsync(stopReporting.Token);

        var stop = new TaskCompletionSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });
        await stop.Task;
        await stopReporting.CancelAsync();
        await reporting;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await server.StopAsync(timeout.Token);
        return 0;
    }
}
