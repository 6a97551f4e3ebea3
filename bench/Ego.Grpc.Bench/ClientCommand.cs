using System.Diagnostics;
using System.Globalization;
using Ego.Bench.Shared;
using Ego.Grpc.Bench.V1;
using Google.Protobuf;

namespace Ego.Grpc.Bench;

/// <summary>
/// <c>client --target=host:port [--mode=unary|stream] [--concurrency=50] [--connections=1] [--size=16] [--count=100]
/// [--warmup=2s] [--settle=false] [--duration=10s] [--resilience=off|on|breaker|retry|ratelimit]</c>: closed-loop load with the
/// Ego.Grpc client; prints calls/s, messages/s and the client's CPU time per call. <c>--settle=true</c> extends the
/// warm-up until tiered compilation has stopped (at most 90 s), for comparisons between client configurations.
/// </summary>
internal static class ClientCommand
{
    public static async Task<int> RunAsync(BenchFlags flags)
    {
        var options = LoadOptions.From(flags);
        var channels = Enumerable.Range(0, options.Connections).Select(_ => GrpcChannel.ForAddress(options.Target)).ToArray();
        try
        {
            foreach (var channel in channels)
            {
                await channel.ConnectAsync();
            }

            var clients = channels.Select(channel => new Echo.EchoClient(ClientGovernance.Create(channel, flags.Get("resilience", "off")))).ToArray();
            var counters = new LoadCounters();
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, options.Concurrency)
                .Select(i => Task.Run(() => WorkAsync(clients[i % clients.Length], options, counters, stop.Token)))
                .ToArray();
            await Task.Delay(options.Warmup);
            if (flags.Get("settle", "false") == "true")
            {
                var (waited, methods, settled) = await JitSettling.WaitAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(90));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jit: {(settled ? "settled" : "still compiling")} after {waited.TotalSeconds:F0} s more, {methods} methods"));
            }

            var (calls, messages) = counters.Snapshot();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Task.Delay(options.Duration);
            var (callsEnd, messagesEnd) = counters.Snapshot();
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var seconds = clock.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calls/s: {(callsEnd - calls) / seconds:F1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"messages/s: {(messagesEnd - messages) / seconds:F1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"client cpu us/call: {cpuUsed.TotalMicroseconds / Math.Max(1, callsEnd - calls):F2}"));
            Console.WriteLine($"errors: {counters.Errors}");
            return counters.Errors == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static async Task WorkAsync(Echo.EchoClient client, LoadOptions options, LoadCounters counters, CancellationToken stop)
    {
        var payload = new Payload { Body = ByteString.CopyFrom(new byte[options.Size]) };
        var streamRequest = new StreamRequest { Count = options.StreamCount, Size = options.Size };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (options.Mode == "unary")
                {
                    await client.UnaryAsync(payload);
                    counters.Add(1);
                }
                else
                {
                    using var call = client.Stream(streamRequest);
                    var received = 0;
                    while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    {
                        received++;
                    }

                    counters.Add(received);
                }
            }
            catch (RpcException exception)
            {
                if (counters.AddError() == 1)
                {
                    await Console.Error.WriteLineAsync($"first error: {exception.Status}{Environment.NewLine}{exception.Status.DebugException}");
                }
            }
        }
    }
}
