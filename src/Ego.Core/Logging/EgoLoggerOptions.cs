namespace Ego.Logging;

/// <summary>
/// One logger's settings, bound from <c>[logger.ego]</c> or <c>[logger.default]</c> with EGO's key names
/// (matched case-insensitively). Properties left <c>null</c> take their value from the process environment.
/// </summary>
public sealed class EgoLoggerOptions
{
    /// <summary>Minimum level: debug, info, warn, error, dpanic, panic, fatal, or a .NET level name. Reloaded live.</summary>
    public string Level { get; set; } = "info";

    /// <summary>file, stderr or stdout; <c>null</c> means <c>EGO_LOG_WRITER</c>.</summary>
    public string? Writer { get; set; }

    /// <summary>Directory of the log file; <c>null</c> means <c>EGO_LOG_PATH</c>.</summary>
    public string? Dir { get; set; }

    /// <summary>File name inside <see cref="Dir"/>; <c>null</c> means <c>ego.sys</c> or <c>default.log</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Also print coloured console lines (to stdout when writing a file); <c>null</c> means <c>EGO_DEBUG</c>.</summary>
    public bool? Debug { get; set; }

    /// <summary>Add <c>caller</c> (<c>dir/file.cs:line</c> of the log call); walks the stack, so off unless <c>EGO_DEBUG</c>. <c>null</c> means <c>EGO_DEBUG</c>.</summary>
    public bool? EnableAddCaller { get; set; }

    /// <summary>Write from a background queue so logging never waits for I/O.</summary>
    public bool EnableAsync { get; set; } = true;

    /// <summary>Bytes buffered before the file is written when async (EGO: 256 KiB).</summary>
    public int FlushBufferSize { get; set; } = 256 * 1024;

    /// <summary>Longest time buffered lines wait before being written when async: Go (<c>5s</c>) or .NET (<c>00:00:05</c>) text.</summary>
    public string FlushBufferInterval { get; set; } = "5s";

    /// <summary>Lines the async queue holds before new lines are dropped (and counted).</summary>
    public int QueueSize { get; set; } = 8192;

    /// <summary>Size at which the file is rotated: a bare number is megabytes (as EGO), or use a unit: <c>300B</c>, <c>64KB</c>, <c>1GB</c>.</summary>
    public string MaxSize { get; set; } = "500";

    /// <summary>Days a rotated backup is kept; 0 keeps them regardless of age.</summary>
    public int MaxAge { get; set; } = 7;

    /// <summary>Rotated backups kept; 0 keeps all of them.</summary>
    public int MaxBackup { get; set; } = 10;

    /// <summary>Line format for stdout/stderr: <c>console</c> (for people) or <c>json</c> (for collectors). Files are always JSON.</summary>
    public string Format { get; set; } = "console";

    /// <summary>How <c>ts</c> is written: second, millisecond, <c>%S.%f</c> or <c>%Y-%m-%d %H:%M:%S</c> (EGO's <c>EGO_LOG_TIME_TYPE</c>).</summary>
    public string TimeType { get; set; } = "second";
}
