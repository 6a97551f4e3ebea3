using System.Collections.Concurrent;
using Ego.Grpc;
using Ego.Registry.Etcd.Tests.Echo;

namespace Ego.Registry.Etcd.Tests.Support;

/// <summary>Steady load: a few workers calling <c>Who</c> back to back until stopped, counting calls, failures and who answered.</summary>
internal sealed class LoadRunner
{
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<string> failures = new();
    private readonly ConcurrentDictionary<string, int> servedBy = new();
    private readonly Task[] workers;
    private long calls;

    public LoadRunner(Echo.Echo.EchoClient client, int workers = 4)
    {
        this.workers = Enumerable.Range(0, workers).Select(i => Task.Run(() => RunAsync(client, "worker" + i))).ToArray();
    }

    public long Calls => Interlocked.Read(ref calls);

    public IReadOnlyCollection<string> Failures => failures;

    public IReadOnlyDictionary<string, int> ServedBy => servedBy;

    /// <summary>Stops the workers and waits for their last calls.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until at least <paramref name="count"/> more calls were made.</summary>
    public async Task WaitForCallsAsync(long count, TimeSpan timeout)
    {
        var target = Calls + count;
        await Eventually.ValueAsync(() => Task.FromResult(Calls), c => c >= target, timeout, $"{count} more calls");
    }

    private async Task RunAsync(Echo.Echo.EchoClient client, string worker)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var reply = await client.WhoAsync(new WhoRequest { Caller = worker }, deadline: DateTime.UtcNow.AddSeconds(10));
                servedBy.AddOrUpdate(reply.Instance, 1, (_, n) => n + 1);
            }
            catch (RpcException exception)
            {
                failures.Enqueue($"{exception.StatusCode}: {exception.Status.Detail}");
            }

            Interlocked.Increment(ref calls);
            await Task.Delay(2);
        }
    }
}
