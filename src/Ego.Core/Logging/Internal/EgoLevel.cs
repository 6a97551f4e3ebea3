using Microsoft.Extensions.Logging;

namespace Ego.Logging.Internal;

/// <summary>Maps EGO (zap) level names and .NET level names to <see cref="LogLevel"/> and back.</summary>
internal static class EgoLevel
{
    public const string Expected = "debug, info, warn, error, dpanic, panic, fatal";

    /// <summary>Parses a level name case-insensitively; EGO's names first, then .NET's.</summary>
    public static bool TryParse(string? text, out LogLevel level)
    {
        level = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "debug" => LogLevel.Debug,
            "info" or "information" => LogLevel.Information,
            "warn" or "warning" => LogLevel.Warning,
            "error" => LogLevel.Error,
            "dpanic" or "panic" or "fatal" or "critical" => LogLevel.Critical,
            "trace" => LogLevel.Trace,
            _ => LogLevel.None,
        };
        return level != LogLevel.None;
    }

    /// <summary>The error text for a rejected level, naming the configuration key.</summary>
    public static string Invalid(string key, string? text) =>
        $"{key}: '{text}' is not one of {Expected} (or trace, information, warning, critical)";

    /// <summary>The lowercase zap name written in JSON lines, so Go and .NET services share level values.</summary>
    public static string JsonName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "fatal",
    };

    /// <summary>The upper-case name shown in console lines.</summary>
    public static string ConsoleName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };
}
