using Ego.Discovery;

namespace Ego.Core.Tests.Discovery;

/// <summary>A scheme whose resolvers publish what the test pushes, or fail when told to.</summary>
internal sealed class StubResolverFactory(string scheme) : IServiceResolverFactory
{
    public string Scheme => scheme;

    public List<ResolverTarget> Created { get; } = [];

    public IServiceResolver Create(ResolverTarget target)
    {
        Created.Add(target);
        return new StubResolver(target);
    }
}
