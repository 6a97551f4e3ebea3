namespace Ego.Grpc.Bench;

/// <summary>What a load run does: <see cref="Concurrency"/> calls in flight spread over <see cref="Connections"/> channels.</summary>
internal sealed record LoadOptions(string Target, string Mode, int Concurrency, int Connections, int Size, int StreamCount, TimeSpan Warmup, TimeSpan Duration)
{
    public static LoadOptions From(BenchFlags flags)
    {
        var options = new LoadOptions(
            flags.Get("target", ""),
            flags.Get("mode", "unary"),
            flags.GetInt("concurrency", 50, 1, 10_000),
            flags.GetInt("connections", 1, 1, 1_000),
            flags.GetInt("size", 16, 0, EchoService.MaxStreamSize),
            flags.GetInt("count", 100, 1, 1_000_000),
            flags.GetDuration("warmup", TimeSpan.FromSeconds(2)),
            flags.GetDuration("duration", TimeSpan.FromSeconds(10)));
        var errors = new List<string>();
        if (options.Target.Length == 0)
        {
            errors.Add("--target is missing: expected host:port, e.g. --target=127.0.0.1:50051");
        }

        if (options.Mode is not ("unary" or "stream"))
        {
            errors.Add($"--mode='{options.Mode}' is invalid: expected unary or stream");
        }

        if (options.Concurrency % options.Connections != 0)
        {
            errors.Add($"--concurrency={options.Concurrency} is not a multiple of --connections={options.Connections}: expected the same number of calls on every connection");
        }

        if (options.Duration <= TimeSpan.Zero)
        {
            errors.Add("--duration must be positive, e.g. 10s");
        }

        return errors.Count == 0 ? options : throw new ArgumentException(string.Join("; ", errors));
    }
}
