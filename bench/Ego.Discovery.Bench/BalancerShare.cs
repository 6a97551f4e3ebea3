namespace Ego.Discovery.Bench;

/// <summary>Calls each server answered under one balancer; index 0 is the slow server.</summary>
internal sealed record BalancerShare(string Balancer, long[] Calls)
{
    public long Total => Calls.Sum();

    /// <summary>The share of calls the slow server answered, 0 to 1.</summary>
    public double SlowShare => Total == 0 ? 0 : (double)Calls[0] / Total;

    public double Share(int server) => Total == 0 ? 0 : (double)Calls[server] / Total;
}
