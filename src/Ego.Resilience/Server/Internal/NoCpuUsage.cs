using Ego.Resilience.LoadShedding;

namespace Ego.Resilience.Server.Internal;

/// <summary>The CPU figure when shedding is off: nothing samples it.</summary>
internal sealed class NoCpuUsage : ICpuUsageSource
{
    public int Usage => 0;
}
