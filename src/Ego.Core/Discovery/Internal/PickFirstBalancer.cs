namespace Ego.Discovery.Internal;

/// <summary>The first endpoint in resolver order that is not in connection backoff.</summary>
internal sealed class PickFirstBalancer : IBalancer
{
    public string Name => Balancers.PickFirst;

    public Subchannel? Pick(Subchannel[] subchannels, long timestamp)
    {
        foreach (var candidate in subchannels)
        {
            if (candidate.IsReady(timestamp))
            {
                return candidate;
            }
        }

        return null;
    }
}
