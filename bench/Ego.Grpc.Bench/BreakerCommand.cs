using System.Diagnostics;
using System.Globalization;
using Ego.Grpc.Bench.V1;
using Ego.Resilience.Client;

namespace Ego.Grpc.Bench;

/// <summary>
/// <c>breaker [--rate=1000] [--down=10s] [--up=5s]</c>: an in-process Echo server that fails every call with
/// UNAVAILABLE for <c>down</c> and then recovers, called at a fixed rate through the client breaker (defaults);
/// prints a Markdown table of the calls shed locally while down and the time to full success after recovery.
/// </summary>
internal static class BreakerCommand
{
    private const int TicksPerSecond = 100;

    public static async Task<int> RunAsync(BenchFlags flags)
    {
        var rate = flags.GetInt("rate", 1000, TicksPerSecond, 100_000);
        var down = flags.GetDuration("down", TimeSpan.FromSeconds(10));
        var up = flags.GetDuration("up", TimeSpan.FromSeconds(5));
        var service = new FlakyEcho { Down = true };
        await using var server = GrpcServer.CreateBuilder(RawServerOptions.Create()).AddService(service).Build();
        await server.StartAsync(CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Addresses[0]);
        await channel.ConnectAsync();
        var client = new Echo.EchoClient(channel.CreateCallInvoker().Intercept(new GrpcClientResilienceInterceptor(
            new ClientResilience("grpc.bench", ClientResilience.Grpc, new ClientResilienceOptions()))));

        var outcomes = new List<(double At, Outcome Result)>();
        var calls = new List<Task>();
        var clock = Stopwatch.StartNew();
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / TicksPerSecond));
        var recoveredAt = -1.0;
        while (clock.Elapsed < down + up && await ticker.WaitForNextTickAsync())
        {
            if (recoveredAt < 0 && clock.Elapsed >= down)
            {
                service.Down = false;
                recoveredAt = clock.Elapsed.TotalSeconds;
            }

            for (var i = 0; i < rate / TicksPerSecond; i++)
            {
                calls.Add(CallAsync(client, clock, outcomes));
            }
        }

        await Task.WhenAll(calls);
        Report(outcomes, recoveredAt, rate, down, up);
        return 0;
    }

    private static async Task CallAsync(Echo.EchoClient client, Stopwatch clock, List<(double, Outcome)> outcomes)
    {
        var at = clock.Elapsed.TotalSeconds;
        Outcome result;
        try
        {
            await client.UnaryAsync(new Payload());
            result = Outcome.Ok;
        }
        catch (RpcException exception)
        {
            result = exception.Trailers.GetValue("ego-rejected") is null ? Outcome.Failed : Outcome.Shed;
        }

        lock (outcomes)
        {
            outcomes.Add((at, result));
        }
    }

    private static void Report(List<(double At, Outcome Result)> outcomes, double recoveredAt, int rate, TimeSpan down, TimeSpan up)
    {
        var whileDown = outcomes.Where(o => o.At < recoveredAt).ToList();
        var afterwards = outcomes.Where(o => o.At >= recoveredAt).ToList();
        var lastMiss = afterwards.Where(o => o.Result != Outcome.Ok).Select(o => o.At).DefaultIfEmpty(recoveredAt).Max();
        var shed = 100.0 * whileDown.Count(o => o.Result == Outcome.Shed) / Math.Max(1, whileDown.Count);
        string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine($"| scenario | calls while down | shed locally while down | reached the server while down | time to full success after recovery |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| {rate} calls/s, down {F(down.TotalSeconds)} s then up {F(up.TotalSeconds)} s | {whileDown.Count} | {F(shed)} % | {whileDown.Count(o => o.Result != Outcome.Shed)} | {F(lastMiss - recoveredAt)} s |");
    }

    private enum Outcome
    {
        Ok,
        Failed,
        Shed,
    }

    /// <summary>Echo that fails every call while <see cref="Down"/>.</summary>
    private sealed class FlakyEcho : Echo.EchoBase
    {
        private volatile bool down;

        public bool Down
        {
            get => down;
            set => down = value;
        }

        public override Task<Payload> Unary(Payload request, ServerCallContext context)
            => down ? throw new RpcException(new Status(StatusCode.Unavailable, "down")) : Task.FromResult(request);
    }
}
