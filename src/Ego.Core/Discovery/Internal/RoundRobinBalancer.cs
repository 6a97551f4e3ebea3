namespace Ego.Discovery.Internal;

/// <summary>Each call to the next endpoint, skipping those in connection backoff.</summary>
internal sealed class RoundRobinBalancer : IBalancer
{
    private int _next = -1;

    public string Name => Balancers.RoundRobin;

    public Subchannel? Pick(Subchannel[] subchannels, long timestamp)
    {
        var count = subchannels.Length;
        if (count == 0)
        {
            return null;
        }

        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)count);
        for (var i = 0; i < count; i++)
        {
            var candidate = subchannels[(start + i) % count];
            if (candidate.IsReady(timestamp))
            {
                return candidate;
            }
        }

        return null;
    }
}
