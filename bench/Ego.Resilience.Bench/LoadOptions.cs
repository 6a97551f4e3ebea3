using System.Globalization;
using Ego.Configuration;

namespace Ego.Resilience.Bench;

/// <summary>
/// Flags of <c>load</c>: <c>--target=host:port</c>, <c>--rate=N</c> calls/s at fixed arrival times (0: closed loop with
/// <c>--concurrency</c> callers), <c>--duration</c>, <c>--warmup</c>, <c>--deadline</c> per call, <c>--connections</c>.
/// </summary>
internal sealed record LoadOptions(string Target, int Rate, int Concurrency, int Connections, TimeSpan Duration, TimeSpan Warmup, TimeSpan Deadline)
{
    public static LoadOptions Parse(IEnumerable<string> args)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (!arg.StartsWith("--", StringComparison.Ordinal) || eq < 0)
            {
                throw new ArgumentException($"'{arg}' is not a flag: expected --name=value");
            }

            flags[arg[2..eq]] = arg[(eq + 1)..];
        }

        var known = new[] { "target", "rate", "concurrency", "connections", "duration", "warmup", "deadline" };
        if (flags.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"--{unknown} is unknown: expected {string.Join(", ", known.Select(k => "--" + k))}");
        }

        return new LoadOptions(
            flags.GetValueOrDefault("target") ?? throw new ArgumentException("--target is missing: expected host:port"),
            Int(flags, "rate", 0),
            Int(flags, "concurrency", 8),
            Int(flags, "connections", 1),
            Ego.Configuration.Duration.Parse(flags.GetValueOrDefault("duration", "10s")),
            Ego.Configuration.Duration.Parse(flags.GetValueOrDefault("warmup", "3s")),
            Ego.Configuration.Duration.Parse(flags.GetValueOrDefault("deadline", "2s")));
    }

    private static int Int(Dictionary<string, string> flags, string name, int fallback) =>
        !flags.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
        : throw new ArgumentException($"--{name}={text} is not a count: expected a non-negative integer");
}
