namespace Ego.Grpc.Bench;

/// <summary>
/// gRPC benchmark tool: <c>server</c> (the raw stack), <c>app</c> (a whole Ego application), <c>sink</c> (an OTLP
/// receiver), <c>client</c> (load generator, <c>--resilience=on</c> adds client governance), <c>breaker</c> (the client breaker against a failing server) and <c>body</c> (request files for h2load).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "server" => await ServerCommand.RunAsync(BenchFlags.Parse(args.Skip(1), "port", "host", "max-streams")),
                "app" => await AppCommand.RunAsync([.. args.Skip(1)]),
                "sink" => await SinkCommand.RunAsync(BenchFlags.Parse(args.Skip(1), "port")),
                "client" => await ClientCommand.RunAsync(BenchFlags.Parse(args.Skip(1), "target", "mode", "concurrency", "connections", "size", "count", "warmup", "settle", "duration", "resilience")),
                "breaker" => await BreakerCommand.RunAsync(BenchFlags.Parse(args.Skip(1), "rate", "down", "up")),
                "body" => BodyCommand.Run(BenchFlags.Parse(args.Skip(1), "out", "size", "count", "stream-size")),
                var command => throw new ArgumentException($"command '{command}' is unknown: expected server, app, sink, client, breaker or body"),
            };
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }
    }
}
