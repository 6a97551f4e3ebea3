using System.Reflection;
using System.Runtime.InteropServices;

namespace Ego.Build;

/// <summary>
/// What was stamped into the application at build time (app name and version, build user, host, time,
/// status) plus the Ego.NET and .NET versions read at run time.
/// </summary>
public sealed record BuildInfo
{
    public string AppName { get; init; } = "";
    public string AppVersion { get; init; } = "unknown";
    public string BuildTag { get; init; } = "";
    public string BuildUser { get; init; } = "";
    public string BuildHost { get; init; } = "";
    public string BuildTime { get; init; } = "";
    public string BuildStatus { get; init; } = "";
    public string EgoVersion { get; init; } = "";
    public string DotnetVersion { get; init; } = RuntimeInformation.FrameworkDescription;

    /// <summary>Reads the build metadata stamped by <c>Ego.Core.targets</c> into <paramref name="assembly"/> (the entry assembly by default).</summary>
    public static BuildInfo FromAssembly(Assembly? assembly = null)
    {
        assembly ??= Assembly.GetEntryAssembly() ?? typeof(BuildInfo).Assembly;
        var metadata = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key.StartsWith("Ego.", StringComparison.Ordinal))
            .GroupBy(a => a.Key)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? "");

        string Get(string key, string fallback = "") => metadata.TryGetValue("Ego." + key, out var value) && value.Length > 0 ? value : fallback;

        return new BuildInfo
        {
            AppName = Get("AppName", assembly.GetName().Name ?? ""),
            AppVersion = Get("AppVersion", "unknown"),
            BuildTag = Get("BuildTag"),
            BuildUser = Get("BuildUser"),
            BuildHost = Get("BuildHost"),
            BuildTime = Get("BuildTime"),
            BuildStatus = Get("BuildStatus"),
            EgoVersion = EgoVersionOf(typeof(BuildInfo).Assembly),
        };
    }

    private static string EgoVersionOf(Assembly egoAssembly)
    {
        var informational = egoAssembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return egoAssembly.GetName().Version?.ToString() ?? "unknown";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
