using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Ego.Tests.Shared;

/// <summary>
/// Runs the protoc shipped in Grpc.Tools (path from the test assembly's <c>GrpcToolsPath</c> metadata) to write
/// descriptor sets the way a release pipeline would.
/// </summary>
internal static class Protoc
{
    private static string ToolsPath => Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "GrpcToolsPath").Value ?? throw new InvalidOperationException("GrpcToolsPath metadata is missing.");

    /// <summary>
    /// Compiles <paramref name="files"/> (paths relative to <paramref name="root"/>, which is the <c>-I</c> path) into
    /// <paramref name="output"/> with <c>--include_imports</c>, and <c>--include_source_info</c> when asked.
    /// </summary>
    public static void WriteDescriptorSet(string root, IEnumerable<string> files, string output, bool sourceInfo = true)
    {
        var start = new ProcessStartInfo(ExecutablePath())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = root,
        };
        string[] options = [$"-I{root}", $"-I{Path.Combine(ToolsPath, "build", "native", "include")}", $"--descriptor_set_out={output}", "--include_imports"];
        foreach (var argument in options.Concat(sourceInfo ? ["--include_source_info"] : []).Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("protoc did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill();
            throw new TimeoutException("protoc did not finish within 120 seconds.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"protoc failed ({process.ExitCode}): {errors.Result}");
        }
    }

    private static string ExecutablePath()
    {
        var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macosx" : "linux";
        var cpu = OperatingSystem.IsMacOS() ? "universal" : RuntimeInformation.OSArchitecture switch
        {
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            _ => "x64",
        };
        return Path.Combine(ToolsPath, "tools", $"{os}_{cpu}", OperatingSystem.IsWindows() ? "protoc.exe" : "protoc");
    }
}
