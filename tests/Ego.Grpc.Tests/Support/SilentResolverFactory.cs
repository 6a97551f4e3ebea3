using System.Runtime.CompilerServices;
using Ego.Discovery;

namespace Ego.Grpc.Tests.Support;

/// <summary>A resolver whose source never answers: it publishes nothing until it is disposed.</summary>
internal sealed class SilentResolverFactory(string scheme) : IServiceResolverFactory
{
    public string Scheme => scheme;

    public IServiceResolver Create(ResolverTarget target) => new Resolver(target);

    private sealed class Resolver(ResolverTarget target) : IServiceResolver
    {
        public ResolverTarget Target => target;

        public async IAsyncEnumerable<IReadOnlyList<ServiceEndpoint>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            yield break;
        }

        public void Refresh()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
