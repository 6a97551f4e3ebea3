using System.Globalization;

namespace Ego.Resilience.LoadShedding.Internal;

/// <summary>
/// Reads the CPU time used by the container and the cores it may use: cgroup v2 (<c>cpu.max</c>, <c>cpu.stat</c>),
/// else cgroup v1 (<c>cpu.cfs_quota_us</c>, <c>cpuacct.usage</c>), else this process on every core when no quota is set.
/// </summary>
internal sealed class CpuCounter
{
    private readonly string? usageFile;
    private readonly bool usageInMicroseconds;

    private CpuCounter(string source, double cores, string? usageFile, bool usageInMicroseconds)
    {
        Source = source;
        Cores = cores;
        this.usageFile = usageFile;
        this.usageInMicroseconds = usageInMicroseconds;
    }

    /// <summary>cgroup2, cgroup1 or process.</summary>
    public string Source { get; }

    /// <summary>Cores available: the quota, else the processor count.</summary>
    public double Cores { get; }

    /// <summary>Detects the counters under <paramref name="root"/> (<c>/</c> in production; a test directory otherwise).</summary>
    public static CpuCounter Detect(string root = "/")
    {
        var processors = Environment.ProcessorCount;
        var cgroup = Path.Combine(root, "sys/fs/cgroup");
        var v2Dir = Path.Combine(cgroup, V2Path(root));
        foreach (var dir in new[] { v2Dir, cgroup })
        {
            var max = Path.Combine(dir, "cpu.max");
            var stat = Path.Combine(dir, "cpu.stat");
            if (File.Exists(max) && File.Exists(stat) && Quota(File.ReadAllText(max).Split(' ', StringSplitOptions.RemoveEmptyEntries)) is { } quota)
            {
                return new CpuCounter("cgroup2", Math.Min(quota, processors), stat, usageInMicroseconds: true);
            }
        }

        var quotaFile = Path.Combine(cgroup, "cpu/cpu.cfs_quota_us");
        var periodFile = Path.Combine(cgroup, "cpu/cpu.cfs_period_us");
        var usageFile = Path.Combine(cgroup, "cpuacct/cpuacct.usage");
        if (File.Exists(quotaFile) && File.Exists(periodFile) && File.Exists(usageFile)
            && Quota([File.ReadAllText(quotaFile).Trim(), File.ReadAllText(periodFile).Trim()]) is { } v1Quota)
        {
            return new CpuCounter("cgroup1", Math.Min(v1Quota, processors), usageFile, usageInMicroseconds: false);
        }

        return new CpuCounter("process", processors, null, false);
    }

    /// <summary>CPU time used so far by the container (or the process).</summary>
    public TimeSpan Used()
    {
        if (usageFile is null)
        {
            return Environment.CpuUsage.TotalTime;
        }

        var text = File.ReadAllText(usageFile);
        if (!usageInMicroseconds)
        {
            return TimeSpan.FromTicks(long.Parse(text.Trim(), CultureInfo.InvariantCulture) / 100);
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("usage_usec ", StringComparison.Ordinal))
            {
                return TimeSpan.FromMicroseconds(long.Parse(line.AsSpan(11).Trim(), CultureInfo.InvariantCulture));
            }
        }

        throw new InvalidDataException($"{usageFile} has no usage_usec line");
    }

    private static double? Quota(string[] parts)
    {
        if (parts.Length < 2 || parts[0] is "max" or "-1"
            || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quota)
            || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var period)
            || quota <= 0 || period <= 0)
        {
            return null;
        }

        return (double)quota / period;
    }

    // The process's own cgroup v2 directory, from the "0::/path" line of /proc/self/cgroup.
    private static string V2Path(string root)
    {
        var file = Path.Combine(root, "proc/self/cgroup");
        if (!File.Exists(file))
        {
            return "";
        }

        foreach (var line in File.ReadAllLines(file))
        {
            if (line.StartsWith("0::/", StringComparison.Ordinal))
            {
                return line[4..];
            }
        }

        return "";
    }
}
