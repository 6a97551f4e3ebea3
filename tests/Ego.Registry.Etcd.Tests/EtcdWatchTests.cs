using Ego.Registry.Etcd.Protocol;
using Ego.Registry.Etcd.Tests.Support;

namespace Ego.Registry.Etcd.Tests;

public sealed class EtcdWatchTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string prefix = "/" + SharedEtcd.UniquePrefix() + "/";

    [Fact]
    public async Task ReadAllAsync_PutThenDelete_EventsInRevisionOrder()
    {
        using var client = await SharedEtcd.ClientAsync();
        await using var watch = await client.WatchAsync(prefix, prefix: true, startRevision: 0, CancellationToken.None);
        await client.PutAsync(prefix + "a", "1", 0, CancellationToken.None);
        await client.DeleteAsync(prefix + "a", false, CancellationToken.None);

        var events = await ReadEventsAsync(watch, 2);

        Assert.Equal([(Event.Types.EventType.Put, "1"), (Event.Types.EventType.Delete, "")], events.Select(e => (e.Type, e.Kv.Value.ToStringUtf8())));
        Assert.True(events[0].Kv.ModRevision < events[1].Kv.ModRevision);
    }

    [Fact]
    public async Task WatchAsync_FromPastRevision_ReplaysHistory()
    {
        using var client = await SharedEtcd.ClientAsync();
        var first = await client.PutAsync(prefix + "h", "old", 0, CancellationToken.None);
        await client.PutAsync(prefix + "h", "new", 0, CancellationToken.None);

        await using var watch = await client.WatchAsync(prefix + "h", prefix: false, first.Header.Revision, CancellationToken.None);
        var events = await ReadEventsAsync(watch, 2);

        Assert.Equal(["old", "new"], events.Select(e => e.Kv.Value.ToStringUtf8()));
    }

    [Fact]
    public async Task ReadAllAsync_StartRevisionCompacted_ThrowsEtcdCompactedException()
    {
        await using var etcd = await EtcdProcess.StartAsync();
        using var client = new EtcdClient(new EtcdOptions { Addrs = [etcd.Endpoint] });
        var old = await client.PutAsync("/c", "1", 0, CancellationToken.None);
        var latest = await client.PutAsync("/c", "2", 0, CancellationToken.None);
        await EtcdAdmin.CompactAsync(etcd.Endpoint, latest.Header.Revision);

        var error = await Assert.ThrowsAsync<EtcdCompactedException>(async () =>
        {
            await using var watch = await client.WatchAsync("/c", prefix: false, old.Header.Revision, CancellationToken.None);
            await ReadEventsAsync(watch, 1);
        });

        Assert.Equal(latest.Header.Revision, error.CompactRevision);
    }

    [Fact]
    public async Task DisposeAsync_WhileReading_ReadingEnds()
    {
        using var client = await SharedEtcd.ClientAsync();
        var watch = await client.WatchAsync(prefix, prefix: true, 0, CancellationToken.None);
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in watch.ReadAllAsync())
            {
            }
        });

        await watch.DisposeAsync();

        var ended = await Record.ExceptionAsync(() => reading.WaitAsync(Wait));
        Assert.True(ended is null or OperationCanceledException, $"reading ended with {ended}");
    }

    private static async Task<List<Event>> ReadEventsAsync(EtcdWatch watch, int count)
    {
        using var timeout = new CancellationTokenSource(Wait);
        var events = new List<Event>();
        await foreach (var response in watch.ReadAllAsync(timeout.Token))
        {
            events.AddRange(response.Events);
            if (events.Count >= count)
            {
                break;
            }
        }

        return events;
    }
}
