using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Ego.Discovery;

namespace Ego.Core.Tests.Discovery;

/// <summary>A resolver that publishes the sets the test pushes and throws the error it is given.</summary>
internal sealed class StubResolver(ResolverTarget target) : IServiceResolver
{
    private readonly Channel<Func<IReadOnlyList<ServiceEndpoint>>> sets = Channel.CreateUnbounded<Func<IReadOnlyList<ServiceEndpoint>>>();

    public ResolverTarget Target => target;

    public int Refreshes { get; private set; }

    public void Publish(params ServiceEndpoint[] endpoints) => sets.Writer.TryWrite(() => endpoints);

    public void Fail(string message) => sets.Writer.TryWrite(() => throw new InvalidOperationException(message));

    public async IAsyncEnumerable<IReadOnlyList<ServiceEndpoint>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var next in sets.Reader.ReadAllAsync(cancellationToken))
        {
            yield return next();
        }
    }

    public void Refresh() => Refreshes++;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
