using System.Globalization;
using Ego.Discovery;

namespace Ego.Discovery.Bench;

/// <summary>
/// The balancer experiment: three servers, one <c>--slow-factor</c> times slower, <c>--concurrency</c> callers for
/// <c>--seconds</c> per balancer; prints each server's share of the calls as a Markdown table.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var seconds = Flag(args, "--seconds", 10);
        var concurrency = Flag(args, "--concurrency", 4);
        var fastMs = Flag(args, "--fast-ms", 10);
        var slowFactor = Flag(args, "--slow-factor", 5);
        var rows = new List<BalancerShare>();
        foreach (var balancer in new[] { Balancers.RoundRobin, Balancers.P2cEwma })
        {
            await Console.Error.WriteLineAsync($"running {balancer} for {seconds}s...");
            rows.Add(await BalancerExperiment.RunAsync(balancer, TimeSpan.FromSeconds(seconds), concurrency, TimeSpan.FromMilliseconds(fastMs), TimeSpan.FromMilliseconds(fastMs * slowFactor), CancellationToken.None));
        }

        Console.WriteLine($"Three servers on 127.0.0.1 (handlers {fastMs} ms, {fastMs} ms and {fastMs * slowFactor} ms), {concurrency} concurrent callers, {seconds} s per balancer.");
        Console.WriteLine();
        Console.WriteLine("| balancer | calls | calls/s | fast 1 | fast 2 | slow |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Balancer} | {row.Total} | {row.Total / (double)seconds:F0} | {row.Share(1):P1} | {row.Share(2):P1} | {row.SlowShare:P1} |"));
        }

        return 0;
    }

    private static int Flag(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        return index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} expects a positive whole number, e.g. {name} {fallback}");
    }
}
