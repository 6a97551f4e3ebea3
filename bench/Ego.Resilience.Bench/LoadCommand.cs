using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Ego.Grpc;

namespace Ego.Resilience.Bench;

/// <summary>
/// <c>load</c>: calls <c>/bench.Spin/Work</c> closed-loop (capacity, unloaded latency) or at a fixed arrival rate
/// (overload: arrivals do not wait for answers). Prints goodput (successful calls/s), refused and failed calls, and
/// the p50/p99 latency of the successful calls started after the warm-up.
/// </summary>
internal static class LoadCommand
{
    private const int MaxInFlight = 50_000;

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var channels = Enumerable.Range(0, Math.Max(1, options.Connections)).Select(_ => GrpcChannel.ForAddress(options.Target)).ToArray();
        foreach (var channel in channels)
        {
            await channel.ConnectAsync();
        }

        var invokers = channels.Select(c => c.CreateCallInvoker()).ToArray();
        var stats = new Stats();
        var clock = Stopwatch.StartNew();
        var measureFrom = options.Warmup;
        var measureTo = options.Warmup + options.Duration;
        if (options.Rate > 0)
        {
            await OpenLoopAsync(invokers, options, stats, clock, measureFrom, measureTo);
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(i => Task.Run(async () =>
            {
                while (clock.Elapsed < measureTo)
                {
                    await CallAsync(invokers[i % invokers.Length], options, stats, clock, measureFrom, measureTo);
                }
            })));
        }

        stats.Print(options.Duration.TotalSeconds);
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        return 0;
    }

    private static async Task OpenLoopAsync(CallInvoker[] invokers, LoadOptions options, Stats stats, Stopwatch clock, TimeSpan measureFrom, TimeSpan measureTo)
    {
        var pending = new ConcurrentDictionary<Task, byte>();
        var sending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each call leaves at its own time (call n at n / rate seconds), from a thread that waits for it, rather than in
        // batches per timer tick: Task.Delay(1) wakes every 1-2 ms, and a batch of several calls arriving at once finds
        // a server that can compute one call at a time busy with the batch's first and idle until the next batch.
        var sender = new Thread(() =>
        {
            try
            {
                for (long sent = 0; ; sent++)
                {
                    var due = TimeSpan.FromSeconds(sent / (double)options.Rate);
                    if (due >= measureTo)
                    {
                        break;
                    }

                    for (var left = due - clock.Elapsed; left > TimeSpan.Zero; left = due - clock.Elapsed)
                    {
                        // Sleeping is too coarse for the last 2 ms; yielding leaves the core to the answers' threads.
                        if (left > TimeSpan.FromMilliseconds(2))
                        {
                            Thread.Sleep(1);
                        }
                        else
                        {
                            Thread.Yield();
                        }
                    }

                    if (pending.Count >= MaxInFlight)
                    {
                        Interlocked.Increment(ref stats.NotSent);
                        continue;
                    }

                    var call = CallAsync(invokers[sent % invokers.Length], options, stats, clock, measureFrom, measureTo);
                    pending[call] = 0;
                    _ = call.ContinueWith(static (t, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(t, out _), pending, TaskScheduler.Default);
                }

                sending.SetResult();
            }
            catch (Exception exception)
            {
                sending.SetException(exception);
            }
        })
        { IsBackground = true, Name = "arrivals" };
        sender.Start();
        await sending.Task;
        await Task.WhenAll(pending.Keys);
    }

    private static async Task CallAsync(CallInvoker invoker, LoadOptions options, Stats stats, Stopwatch clock, TimeSpan measureFrom, TimeSpan measureTo)
    {
        var start = clock.Elapsed;
        var measured = start >= measureFrom && start < measureTo;
        try
        {
            await invoker.AsyncUnaryCall(SpinMethod.Work, null, new CallOptions(deadline: DateTime.UtcNow + options.Deadline), "x");
            if (measured)
            {
                stats.Ok((clock.Elapsed - start).TotalMilliseconds);
            }
        }
        catch (RpcException exception) when (measured)
        {
            stats.Failed(exception.StatusCode);
        }
        catch (RpcException)
        {
            // Outside the measured window.
        }
    }

    private sealed class Stats
    {
        public long NotSent;
        private readonly ConcurrentQueue<double> latencies = new();
        private readonly ConcurrentDictionary<StatusCode, long> failures = new();

        public void Ok(double milliseconds) => latencies.Enqueue(milliseconds);

        public void Failed(StatusCode code) => failures.AddOrUpdate(code, 1, static (_, n) => n + 1);

        public void Print(double seconds)
        {
            var sorted = latencies.ToArray();
            Array.Sort(sorted);
            var refused = failures.GetValueOrDefault(StatusCode.ResourceExhausted) + failures.GetValueOrDefault(StatusCode.Unavailable);
            var failed = failures.Sum(f => f.Value) - refused;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goodput/s: {sorted.Length / seconds:F1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50_ms: {Percentile(sorted, 0.50):F2}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p99_ms: {Percentile(sorted, 0.99):F2}"));
            Console.WriteLine($"ok: {sorted.Length}");
            Console.WriteLine($"refused: {refused}");
            Console.WriteLine($"failed: {failed} ({string.Join(", ", failures.Where(f => f.Key is not (StatusCode.ResourceExhausted or StatusCode.Unavailable)).Select(f => $"{f.Key}={f.Value}"))})");
            Console.WriteLine($"not_sent: {NotSent}");
        }

        private static double Percentile(double[] sorted, double p) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
