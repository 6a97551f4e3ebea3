namespace Ego.Resilience.LoadShedding;

/// <summary>The CPU usage the shedder decides on, in per-mille of the CPU available to the service (1000 = all of it).</summary>
public interface ICpuUsageSource
{
    /// <summary>The current, smoothed usage: 0 to 1000.</summary>
    int Usage { get; }
}
