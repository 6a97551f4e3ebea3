namespace Ego.Resilience.Bench;

/// <summary>
/// Server governance benchmark: <c>server</c> (an Ego application serving a CPU-bound unary method, governance from
/// its config) and <c>load</c> (closed-loop or fixed-arrival-rate load with latency percentiles).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "server" => await SpinServer.RunAsync([.. args.Skip(1)]),
                "load" => await LoadCommand.RunAsync(LoadOptions.Parse(args.Skip(1))),
                var command => throw new ArgumentException($"command '{command}' is unknown: expected server or load"),
            };
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }
    }
}
