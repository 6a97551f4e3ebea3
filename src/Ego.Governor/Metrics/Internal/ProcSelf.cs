using System.Diagnostics;
using System.Globalization;

namespace Ego.Governor.Metrics.Internal;

/// <summary>Figures about the current process, read from <c>/proc/self</c> on Linux and from .NET APIs elsewhere.</summary>
internal static class ProcSelf
{
    private static readonly Lazy<DateTimeOffset> StartTime = new(() =>
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    });

    public static DateTimeOffset StartTimeUtc => StartTime.Value;

    /// <summary>Virtual and resident memory in bytes (fields 23 and 24 of <c>/proc/self/stat</c>).</summary>
    public static (long Virtual, long Resident) Memory()
    {
        if (OperatingSystem.IsLinux() && TryReadStat(out var memory))
        {
            return memory;
        }

        using var process = Process.GetCurrentProcess();
        return (process.VirtualMemorySize64, Environment.WorkingSet);
    }

    /// <summary>Open file descriptors, or null where <c>/proc/self/fd</c> does not exist.</summary>
    public static long? OpenFileDescriptors()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc/self/fd"))
        {
            return null;
        }

        return Directory.EnumerateFileSystemEntries("/proc/self/fd").LongCount();
    }

    /// <summary>The soft limit of open files from <c>/proc/self/limits</c>, or null when unknown or unlimited.</summary>
    public static long? MaxFileDescriptors()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/limits"))
        {
            return null;
        }

        const string Prefix = "Max open files";
        foreach (var line in File.ReadLines("/proc/self/limits"))
        {
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                var fields = line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 0 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
            }
        }

        return null;
    }

    private static bool TryReadStat(out (long Virtual, long Resident) memory)
    {
        memory = default;
        string stat;
        try
        {
            stat = File.ReadAllText("/proc/self/stat");
        }
        catch (IOException)
        {
            return false;
        }

        // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        const int First = 3;
        if (fields.Length <= 24 - First
            || !long.TryParse(fields[23 - First], NumberStyles.None, CultureInfo.InvariantCulture, out var virtualBytes)
            || !long.TryParse(fields[24 - First], NumberStyles.None, CultureInfo.InvariantCulture, out var residentPages))
        {
            return false;
        }

        memory = (virtualBytes, residentPages * Environment.SystemPageSize);
        return true;
    }
}
