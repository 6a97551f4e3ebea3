namespace Ego.Discovery;

/// <summary>Picks the endpoint of each call. Called on every call: no locks, no allocation.</summary>
public interface IBalancer
{
    /// <summary>The name in config (<c>balancerName</c>).</summary>
    string Name { get; }

    /// <summary>An endpoint of <paramref name="subchannels"/> that is ready at <paramref name="timestamp"/>, or null when none is.</summary>
    Subchannel? Pick(Subchannel[] subchannels, long timestamp);
}
