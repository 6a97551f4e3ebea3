using Ego.Resilience.LoadShedding;

namespace Ego.Resilience.Bench;

/// <summary>A constant CPU figure: the shedder does all its bookkeeping but never sees an overload (overhead runs).</summary>
internal sealed class FixedCpu(int usage) : ICpuUsageSource
{
    public int Usage => usage;
}
