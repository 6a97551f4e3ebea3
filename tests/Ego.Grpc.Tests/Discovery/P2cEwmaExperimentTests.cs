using Ego.Discovery;
using Ego.Discovery.Bench;

namespace Ego.Grpc.Tests.Discovery;

/// <summary>
/// The balancer experiment of bench/discovery/p2c.sh, shortened: three servers, one five times slower (10 ms vs 50 ms
/// handlers), four concurrent callers. Margins are wide so a loaded machine passes.
/// </summary>
[Collection(BalancerExperimentCollection.Name)]
public sealed class P2cEwmaExperimentTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task RunAsync_P2cEwmaWithOneSlowServer_SlowServerGetsUnderFifteenPercent()
    {
        var result = await BalancerExperiment.RunAsync(Balancers.P2cEwma, TimeSpan.FromSeconds(4), 4, Fast, Slow, CancellationToken.None);

        Assert.True(result.Total >= 40, $"only {result.Total} calls completed");
        Assert.True(result.SlowShare < 0.15, $"the slow server answered {result.SlowShare:P1} of {result.Total} calls");
        Assert.True(result.Calls[0] >= 1, "the slow server was never tried, though p2c forces a pick of an endpoint idle for a second");
    }

    [Fact]
    public async Task RunAsync_RoundRobinWithOneSlowServer_EveryServerGetsAThird()
    {
        var result = await BalancerExperiment.RunAsync(Balancers.RoundRobin, TimeSpan.FromSeconds(2), 4, Fast, Slow, CancellationToken.None);

        Assert.True(result.Total >= 20, $"only {result.Total} calls completed");
        Assert.InRange(result.SlowShare, 0.25, 0.42);
    }
}
