using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Ego.Bench.Shared;

namespace Ego.Grpc.Bench.Kestrel;

/// <summary>The bare Kestrel endpoint: <c>--port=N [--host=127.0.0.1]</c>, until SIGTERM or Ctrl+C; prints <c>jit: N</c> once a
/// second.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var (host, port) = ("127.0.0.1", 0);
        foreach (var arg in args)
        {
            if (arg.StartsWith("--port=", StringComparison.Ordinal) && int.TryParse(arg["--port=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 65535)
            {
                port = value;
            }
            else if (arg.StartsWith("--host=", StringComparison.Ordinal) && IPAddress.TryParse(arg["--host=".Length..], out _))
            {
                host = arg["--host=".Length..];
            }
            else
            {
                await Console.Error.WriteLineAsync($"'{arg}' is invalid: expected --port=0-65535 or --host=<IP address>");
                return 2;
            }
        }

        await using var endpoint = await BareGrpcEndpoint.StartAsync(new IPEndPoint(IPAddress.Parse(host), port));
        Console.WriteLine($"listening on {endpoint.Port}");
        using var stopReporting = new CancellationTokenSource();
        var reporting = JitSettling.ReportAsync(stopReporting.Token);
        var stop = new TaskCompletionSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stop));
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stop));
        await stop.Task;
        await stopReporting.CancelAsync();
        await reporting;
        return 0;
    }

    private static void Stop(PosixSignalContext context, TaskCompletionSource stop)
    {
        context.Cancel = true;
        stop.TrySetResult();
    }
}
