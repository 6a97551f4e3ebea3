using Ego.Grpc;
using Microsoft.Extensions.Configuration;

namespace Ego.Discovery.Bench;

/// <summary>
/// Three gRPC servers on 127.0.0.1, the first answering <c>slowFactor</c> times slower, under a fixed number of
/// concurrent callers through one channel with the given balancer: how the calls spread.
/// </summary>
internal static class BalancerExperiment
{
    private static readonly Method<string, string> Work = new(MethodType.Unary, "bench.Balance", "Work", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    /// <summary>Runs one balancer for <paramref name="duration"/> and returns the calls each server answered, slow one first.</summary>
    public static async Task<BalancerShare> RunAsync(string balancer, TimeSpan duration, int concurrency, TimeSpan fast, TimeSpan slow, CancellationToken cancellationToken)
    {
        var counts = new long[3];
        var servers = new List<GrpcServer>();
        try
        {
            for (var i = 0; i < counts.Length; i++)
            {
                servers.Add(await StartServerAsync(i == 0 ? slow : fast, counts, i, cancellationToken).ConfigureAwait(false));
            }

            var address = string.Join(",", servers.Select(s => s.Addresses[0]));
            using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { BalancerName = balancer });
            await channel.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await WarmUpAsync(address, cancellationToken).ConfigureAwait(false);
            Array.Clear(counts);

            var invoker = channel.CreateCallInvoker();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(duration);
            var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await invoker.AsyncUnaryCall(Work, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), "x").ResponseAsync.ConfigureAwait(false);
                }
            }, CancellationToken.None));
            await Task.WhenAll(callers).ConfigureAwait(false);
            return new BalancerShare(balancer, [.. counts]);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Compiles the call path on every server before measuring, so no server's first sample carries the JIT.</summary>
    private static async Task WarmUpAsync(string address, CancellationToken cancellationToken)
    {
        using var warm = GrpcChannel.ForAddress(address);
        for (var i = 0; i < 9; i++)
        {
            await warm.CreateCallInvoker().AsyncUnaryCall(Work, null, new CallOptions(cancellationToken: cancellationToken), "warm").ResponseAsync.ConfigureAwait(false);
        }
    }

    private static async Task<GrpcServer> StartServerAsync(TimeSpan delay, long[] counts, int index, CancellationToken cancellationToken)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["server:grpc:host"] = "127.0.0.1",
            ["server:grpc:port"] = "0",
            ["server:grpc:enableAccessInterceptor"] = "false",
        }).Build();
        var builder = GrpcServer.Load(config);
        builder.AddService(ServerServiceDefinition.CreateBuilder().AddMethod(Work, async (request, context) =>
        {
            await Task.Delay(delay, context.CancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref counts[index]);
            return request;
        }).Build());
        var server = builder.Build();
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }
}
