using System.Runtime.CompilerServices;
using Ego.Discovery;

namespace Ego.Tests.Shared;

/// <summary>A resolver scheme whose every target resolves to the same endpoints, as a registry would publish them.</summary>
internal sealed class FixedResolverFactory(string scheme, params ServiceEndpoint[] endpoints) : IServiceResolverFactory
{
    public string Scheme => scheme;

    public IServiceResolver Create(ResolverTarget target) => new Resolver(target, endpoints);

    private sealed class Resolver(ResolverTarget target, IReadOnlyList<ServiceEndpoint> endpoints) : IServiceResolver
    {
        public ResolverTarget Target => target;

        public async IAsyncEnumerable<IReadOnlyList<ServiceEndpoint>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return endpoints;
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        public void Refresh()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
