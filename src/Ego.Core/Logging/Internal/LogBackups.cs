using System.Globalization;

namespace Ego.Logging.Internal;

/// <summary>
/// Names and prunes rotated files the way lumberjack (used by EGO) does:
/// <c>default.log</c> becomes <c>default-2026-11-22T03-14-00.000.log</c>, in local time.
/// </summary>
internal static class LogBackups
{
    private const string StampFormat = "yyyy-MM-dd'T'HH-mm-ss.fff";

    public static string BackupPath(string path, DateTime localTime)
    {
        var dir = Path.GetDirectoryName(path) ?? "";
        var ext = Path.GetExtension(path);
        var stem = Path.GetFileNameWithoutExtension(path);
        return Path.Combine(dir, $"{stem}-{localTime.ToString(StampFormat, CultureInfo.InvariantCulture)}{ext}");
    }

    /// <summary>Deletes backups beyond <paramref name="maxBackup"/> (newest kept) and those older than <paramref name="maxAgeDays"/>.</summary>
    public static void Prune(string path, int maxBackup, int maxAgeDays, DateTime localNow)
    {
        if (maxBackup == 0 && maxAgeDays == 0)
        {
            return;
        }

        var backups = List(path);
        backups.Sort((a, b) => b.Stamp.CompareTo(a.Stamp));
        var oldest = maxAgeDays > 0 ? localNow.AddDays(-maxAgeDays) : DateTime.MinValue;
        for (var i = 0; i < backups.Count; i++)
        {
            if ((maxBackup > 0 && i >= maxBackup) || backups[i].Stamp < oldest)
            {
                File.Delete(backups[i].Path);
            }
        }
    }

    /// <summary>The backups of <paramref name="path"/> with the time in their name; other files are left alone.</summary>
    public static List<(string Path, DateTime Stamp)> List(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var ext = Path.GetExtension(path);
        var prefix = Path.GetFileNameWithoutExtension(path) + "-";
        var found = new List<(string, DateTime)>();
        if (!Directory.Exists(dir))
        {
            return found;
        }

        foreach (var file in Directory.EnumerateFiles(dir, prefix + "*" + ext))
        {
            var name = Path.GetFileName(file);
            var stamp = name.AsSpan(prefix.Length, name.Length - prefix.Length - ext.Length);
            if (DateTime.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                found.Add((file, time));
            }
        }

        return found;
    }
}
