using Ego.Resilience.LoadShedding.Internal;

namespace Ego.Resilience.LoadShedding;

/// <summary>
/// The container's CPU usage relative to its quota (cgroup v2, then v1, else the process on every core), sampled every
/// 250 ms and smoothed as go-zero does: <c>usage = usage * 0.95 + sample * 0.05</c>.
/// </summary>
public sealed class CgroupCpuUsageSource : ICpuUsageSource, IDisposable
{
    /// <summary>Sampling interval.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private const double Beta = 0.95;

    private readonly CpuCounter counter;
    private readonly TimeProvider timeProvider;
    private readonly ITimer timer;
    private long lastTimestamp;
    private TimeSpan lastUsed;
    private double usage;

    public CgroupCpuUsageSource(TimeProvider? timeProvider = null)
        : this(CpuCounter.Detect(), timeProvider ?? TimeProvider.System)
    {
    }

    internal CgroupCpuUsageSource(CpuCounter counter, TimeProvider timeProvider)
    {
        this.counter = counter;
        this.timeProvider = timeProvider;
        lastTimestamp = timeProvider.GetTimestamp();
        lastUsed = counter.Used();
        timer = timeProvider.CreateTimer(static state => ((CgroupCpuUsageSource)state!).Sample(), this, Interval, Interval);
    }

    public int Usage => (int)Math.Round(Volatile.Read(ref usage));

    /// <summary>Where the figures come from: cgroup2, cgroup1 or process.</summary>
    public string Source => counter.Source;

    /// <summary>The cores the service may use.</summary>
    public double Cores => counter.Cores;

    public void Dispose() => timer.Dispose();

    internal void Sample()
    {
        var now = timeProvider.GetTimestamp();
        TimeSpan used;
        try
        {
            used = counter.Used();
        }
        catch (Exception exception) when (exception is IOException or FormatException or InvalidDataException or UnauthorizedAccessException)
        {
            // A cgroup file briefly unreadable: keep the last figure rather than report a drop to zero.
            return;
        }

        var wall = timeProvider.GetElapsedTime(lastTimestamp, now);
        if (wall <= TimeSpan.Zero)
        {
            return;
        }

        var current = Math.Clamp((used - lastUsed) / (wall * counter.Cores) * 1000, 0, 1000);
        lastTimestamp = now;
        lastUsed = used;
        Volatile.Write(ref usage, usage * Beta + current * (1 - Beta));
    }
}
