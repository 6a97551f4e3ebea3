namespace Ego.Grpc.Tests.Discovery;

/// <summary>The balancer experiments measure latency, so they run alone, not beside other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BalancerExperimentCollection
{
    public const string Name = "balancer experiment";
}
