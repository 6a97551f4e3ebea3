using Ego.Discovery;

namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>Reads the sets a resolver publishes, as a client would.</summary>
internal sealed class EndpointReader(IServiceResolver resolver) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private IAsyncEnumerator<IReadOnlyList<ServiceEndpoint>>? enumerator;
    private Task<bool>? pending;

    public IServiceResolver Resolver => resolver;

    public IReadOnlyList<ServiceEndpoint> Last { get; private set; } = [];

    /// <summary>Starts waiting for the next set without awaiting it.</summary>
    public Task<bool> Pending()
    {
        enumerator ??= resolver.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        return pending ??= enumerator.MoveNextAsync().AsTask();
    }

    /// <summary>The next set as sorted <c>host:port</c> strings.</summary>
    public async Task<string[]> NextAsync()
    {
        var moved = await Pending().WaitAsync(TimeSpan.FromSeconds(60));
        pending = null;
        Assert.True(moved, "the resolver ended its sequence");
        Last = enumerator!.Current;
        return [.. Last.Select(e => e.Address).Order(StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (enumerator is not null)
        {
            if (pending is not null)
            {
                await ((Task)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await enumerator.DisposeAsync();
        }

        await resolver.DisposeAsync();
        stop.Dispose();
    }
}
