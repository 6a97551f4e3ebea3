using Ego.Resilience.LoadShedding;

namespace Ego.Resilience.Tests.Support;

/// <summary>A CPU figure the test sets.</summary>
internal sealed class ScriptedCpu(int usage = 0) : ICpuUsageSource
{
    public int Usage { get; set; } = usage;
}
