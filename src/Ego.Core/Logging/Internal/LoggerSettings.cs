using Ego.Hosting;
using Microsoft.Extensions.Logging;

namespace Ego.Logging.Internal;

/// <summary>The validated form of <see cref="EgoLoggerOptions"/> for one logger.</summary>
internal sealed record LoggerSettings
{
    public required string Key { get; init; }
    public required LogLevel Level { get; init; }
    public required LogWriterKind Writer { get; init; }
    public required string Dir { get; init; }
    public required string Name { get; init; }
    public required bool Debug { get; init; }
    public required bool EnableAsync { get; init; }
    public required bool EnableAddCaller { get; init; }
    public required int FlushBufferSize { get; init; }
    public required TimeSpan FlushBufferInterval { get; init; }
    public required int QueueSize { get; init; }
    public required long MaxSizeBytes { get; init; }
    public required int MaxAge { get; init; }
    public required int MaxBackup { get; init; }
    public required bool JsonConsole { get; init; }
    public required TimeType TimeType { get; init; }

    public string FilePath => Path.Combine(Dir, Name);

    /// <summary>Validates every field, collecting all problems so one run reports them together.</summary>
    public static LoggerSettings Resolve(string key, EgoLoggerOptions o, EgoEnvironment env, string defaultName, List<string> errors)
    {
        if (!EgoLevel.TryParse(o.Level, out var level))
        {
            errors.Add(EgoLevel.Invalid(key + ".level", o.Level));
        }

        var writerText = o.Writer ?? env.LogWriter;
        var writer = writerText.Trim().ToLowerInvariant() switch
        {
            "file" => LogWriterKind.File,
            "stderr" => LogWriterKind.Stderr,
            "stdout" => LogWriterKind.Stdout,
            _ => (LogWriterKind)(-1),
        };
        if ((int)writer < 0)
        {
            errors.Add($"{key}.writer: '{writerText}' is not one of file, stderr, stdout");
        }

        var name = string.IsNullOrWhiteSpace(o.Name) ? defaultName : o.Name.Trim();
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            errors.Add($"{key}.name: '{name}' is not a valid file name");
        }

        var dir = string.IsNullOrWhiteSpace(o.Dir) ? env.LogPath : o.Dir.Trim();
        if (!ByteSize.TryParse(o.MaxSize, 1L << 20, out var maxSize) || maxSize <= 0)
        {
            errors.Add($"{key}.maxSize: '{o.MaxSize}' is not a positive size (megabytes, or a number with B, KB, MB or GB)");
        }

        if (!GoDuration.TryParse(o.FlushBufferInterval, out var interval) || interval <= TimeSpan.Zero)
        {
            errors.Add($"{key}.flushBufferInterval: '{o.FlushBufferInterval}' is not a positive duration such as 5s or 00:00:05");
        }

        CheckNonNegative(errors, key + ".flushBufferSize", o.FlushBufferSize);
        CheckNonNegative(errors, key + ".maxAge", o.MaxAge);
        CheckNonNegative(errors, key + ".maxBackup", o.MaxBackup);
        if (o.QueueSize <= 0)
        {
            errors.Add($"{key}.queueSize: {o.QueueSize} is not a positive number of lines");
        }

        var format = o.Format.Trim().ToLowerInvariant();
        if (format is not ("console" or "json"))
        {
            errors.Add($"{key}.format: '{o.Format}' is not one of console, json");
        }

        if (!TimeTypes.TryParse(o.TimeType, out var timeType))
        {
            errors.Add($"{key}.timeType: '{o.TimeType}' is not one of {TimeTypes.Expected}");
        }

        return new LoggerSettings
        {
            Key = key, Level = level, Writer = writer, Dir = dir, Name = name, Debug = o.Debug ?? env.Debug,
            EnableAsync = o.EnableAsync, EnableAddCaller = o.EnableAddCaller ?? env.Debug, FlushBufferSize = o.FlushBufferSize, FlushBufferInterval = interval,
            QueueSize = o.QueueSize, MaxSizeBytes = maxSize, MaxAge = o.MaxAge, MaxBackup = o.MaxBackup,
            JsonConsole = format == "json", TimeType = timeType,
        };
    }

    private static void CheckNonNegative(List<string> errors, string key, int value)
    {
        if (value < 0)
        {
            errors.Add($"{key}: {value} must be zero or more");
        }
    }
}
