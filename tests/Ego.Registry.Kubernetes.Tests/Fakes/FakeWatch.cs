using System.Threading.Channels;

namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>One open watch: what it selects and the event lines still to send.</summary>
internal sealed class FakeWatch(string resource, string ns, string service, bool bookmarks)
{
    public Channel<string> Lines { get; } = Channel.CreateUnbounded<string>();

    public bool Bookmarks => bookmarks;

    public bool Selects(StoredObject stored) => stored.Resource == resource && stored.Namespace == ns && stored.Service == service;
}
