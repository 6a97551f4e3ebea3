using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Ego.Discovery;
using Ego.Discovery.Internal;
using Ego.Tests.Shared;

namespace Ego.Core.Tests.Discovery;

public sealed class DnsResolverTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly SteppedTimeProvider clock = new();
    private readonly Channel<int> lookups = Channel.CreateUnbounded<int>();
    private volatile string[] answer = ["10.0.0.2", "10.0.0.1"];
    private int count;

    [Fact]
    public async Task WatchAsync_FirstLookup_PublishesEveryAddressWithThePort()
    {
        await using var resolver = Create();
        await using var sets = resolver.WatchAsync(CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await sets.MoveNextAsync());

        Assert.Equal(["10.0.0.1:9002", "10.0.0.2:9002"], sets.Current.Select(e => e.Address));
    }

    [Fact]
    public async Task WatchAsync_PeriodPasses_LooksUpAgainAndPublishesTheChange()
    {
        await using var resolver = Create();
        await using var sets = resolver.WatchAsync(CancellationToken.None).GetAsyncEnumerator();
        await sets.MoveNextAsync();
        answer = ["10.0.0.3"];

        var next = sets.MoveNextAsync();
        await lookups.Reader.ReadAsync();
        await WaitForTimerAsync(Interval);
        Assert.True(await next);

        Assert.Equal(["10.0.0.3:9002"], sets.Current.Select(e => e.Address));
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task Refresh_AfterConnectionFailure_LooksUpAgainAfterTheMinimumGap()
    {
        await using var resolver = Create();
        await using var sets = resolver.WatchAsync(CancellationToken.None).GetAsyncEnumerator();
        await sets.MoveNextAsync();
        await lookups.Reader.ReadAsync();
        answer = ["10.0.0.9"];

        var next = sets.MoveNextAsync();
        resolver.Refresh();
        await WaitForTimerAsync(TimeSpan.FromSeconds(1));
        Assert.True(await next);

        Assert.Equal(["10.0.0.9:9002"], sets.Current.Select(e => e.Address));
    }

    [Fact]
    public async Task WatchAsync_NameDoesNotResolve_PublishesAnEmptySet()
    {
        answer = [];
        await using var resolver = Create();
        await using var sets = resolver.WatchAsync(CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await sets.MoveNextAsync());

        Assert.Empty(sets.Current);
    }

    /// <summary>Advances the clock by <paramref name="by"/> until the resolver's wait has consumed it (it arms its timer asynchronously).</summary>
    private async Task WaitForTimerAsync(TimeSpan by)
    {
        var before = count;
        for (var i = 0; i < 500 && Volatile.Read(ref count) == before; i++)
        {
            clock.Advance(by);
            await Task.Delay(10);
        }
    }

    private DnsResolver Create() => DnsResolver.Create(ResolverTarget.Parse("dns:///orders.internal:9002"), Interval, clock, (host, _) =>
    {
        Assert.Equal("orders.internal", host);
        Interlocked.Increment(ref count);
        lookups.Writer.TryWrite(count);
        var current = answer;
        return current.Length == 0
            ? Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound))
            : Task.FromResult(current.Select(IPAddress.Parse).ToArray());
    });
}
