namespace Ego.Discovery.Internal;

/// <summary>
/// go-zero's p2c_ewma: of two random ready endpoints, the one with the lower load (sqrt(latency EWMA + 1) x
/// (in-flight + 1)); up to three draws look for a pair whose success score is healthy. The busier endpoint of the
/// pair is still taken when it has not been picked for a second, so a recovered endpoint gets measured again.
/// </summary>
internal sealed class P2cEwmaBalancer(TimeProvider timeProvider) : IBalancer
{
    private const int PickTimes = 3;
    private const long HealthySuccess = Subchannel.InitialSuccess / 2;

    private readonly long _forcePick = timeProvider.TimestampFrequency;

    public string Name => Balancers.P2cEwma;

    public Subchannel? Pick(Subchannel[] subchannels, long timestamp)
    {
        Subchannel? first = null;
        Subchannel? second = null;
        var count = subchannels.Length;
        if (count <= 2)
        {
            foreach (var candidate in subchannels)
            {
                if (candidate.IsReady(timestamp))
                {
                    (first, second) = first is null ? (candidate, null) : (first, candidate);
                }
            }
        }
        else
        {
            for (var i = 0; i < PickTimes; i++)
            {
                var a = Random.Shared.Next(count);
                var b = Random.Shared.Next(count - 1);
                b = b >= a ? b + 1 : b;
                first = subchannels[a];
                second = subchannels[b];
                if (first.IsReady(timestamp) && second.IsReady(timestamp) && first.Success > HealthySuccess && second.Success > HealthySuccess)
                {
                    break;
                }
            }

            if (!first!.IsReady(timestamp) || !second!.IsReady(timestamp))
            {
                return PickAnyReady(subchannels, timestamp, first.IsReady(timestamp) ? first : second!.IsReady(timestamp) ? second : null);
            }
        }

        if (first is null)
        {
            return null;
        }

        return second is null ? Picked(first, timestamp) : Choose(first, second, timestamp);
    }

    private Subchannel Choose(Subchannel lighter, Subchannel heavier, long timestamp)
    {
        if (heavier.Load() < lighter.Load())
        {
            (lighter, heavier) = (heavier, lighter);
        }

        var picked = heavier.LastPicked;
        if (timestamp - picked > _forcePick && heavier.TryForcePick(picked, timestamp))
        {
            return heavier;
        }

        return Picked(lighter, timestamp);
    }

    /// <summary>When a draw hits an endpoint in backoff, the pair is made of ready ones if there are any.</summary>
    private Subchannel? PickAnyReady(Subchannel[] subchannels, long timestamp, Subchannel? ready)
    {
        Subchannel? other = null;
        var start = Random.Shared.Next(subchannels.Length);
        for (var i = 0; i < subchannels.Length && other is null; i++)
        {
            var candidate = subchannels[(start + i) % subchannels.Length];
            if (candidate != ready && candidate.IsReady(timestamp))
            {
                if (ready is null)
                {
                    ready = candidate;
                }
                else
                {
                    other = candidate;
                }
            }
        }

        return ready is null ? null : other is null ? Picked(ready, timestamp) : Choose(ready, other, timestamp);
    }

    private static Subchannel Picked(Subchannel subchannel, long timestamp)
    {
        subchannel.MarkPicked(timestamp);
        return subchannel;
    }
}
