namespace Ego.Resilience.LoadShedding;

/// <summary>A snapshot of an <see cref="AdaptiveShedder"/>'s figures.</summary>
/// <param name="CpuUsage">Per-mille of the CPU available.</param>
/// <param name="CpuThreshold">Per-mille from which calls may be dropped.</param>
/// <param name="Flying">Calls in flight.</param>
/// <param name="AverageFlying">Moving average of the calls in flight as arrivals find them, each counting itself.</param>
/// <param name="MaxPass">Most calls passed in one bucket of the window.</param>
/// <param name="MinRtMilliseconds">Lowest mean latency of a bucket, in ms.</param>
/// <param name="MaxFlight">Calls in flight, counting the arriving one, beyond which calls are dropped while hot.</param>
/// <param name="Hot">Within a second of a drop.</param>
/// <param name="Dropped">Calls dropped since start.</param>
public readonly record struct ShedderState(int CpuUsage, int CpuThreshold, long Flying, double AverageFlying, long MaxPass, double MinRtMilliseconds, double MaxFlight, bool Hot, long Dropped);
