using Ego.Discovery;

namespace Ego.Registry.Kubernetes.Internal;

/// <summary>The latest endpoint set of a resolver and a signal for the next change, shared by all its readers.</summary>
internal sealed class EndpointBroadcast
{
    private readonly Lock gate = new();
    private IReadOnlyList<ServiceEndpoint>? current;
    private long version;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Endpoints in the latest set, or -1 before the first.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return current?.Count ?? -1;
            }
        }
    }

    /// <summary>The latest set (null before the first), its version, and a task completing at the next change.</summary>
    public (IReadOnlyList<ServiceEndpoint>? Set, long Version, Task Next) Snapshot()
    {
        lock (gate)
        {
            return (current, version, changed.Task);
        }
    }

    /// <summary>Publishes <paramref name="set"/> unless it equals the latest one.</summary>
    public void Publish(IReadOnlyList<ServiceEndpoint> set)
    {
        TaskCompletionSource previous;
        lock (gate)
        {
            if (current is not null && current.SequenceEqual(set))
            {
                return;
            }

            current = set;
            version++;
            previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }
}
