namespace Ego.Discovery;

/// <summary>Creates resolvers for one scheme of <c>addr</c> (<c>dns</c>, <c>k8s</c>, <c>etcd</c>...). Registered in DI, one per scheme.</summary>
public interface IServiceResolverFactory
{
    /// <summary>The scheme handled, lower case, e.g. <c>etcd</c>.</summary>
    string Scheme { get; }

    /// <summary>A resolver for <paramref name="target"/>.</summary>
    /// <exception cref="FormatException">The target's endpoint is not valid for this scheme; the message names it and what was expected.</exception>
    IServiceResolver Create(ResolverTarget target);
}
