using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Google.Protobuf.Compiler;
using Google.Protobuf.Reflection;

namespace Ego.Grpc.Generator.Tests.Infrastructure;

/// <summary>Runs the protoc shipped in Grpc.Tools on TestProtos/ to get the descriptors protoc would hand to the plugin.</summary>
internal static class Protoc
{
    private static readonly ConcurrentDictionary<string, Lazy<FileDescriptorSet>> Sets = new();

    public static string ToolsPath { get; } = typeof(Protoc).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "GrpcToolsPath").Value ?? throw new InvalidOperationException("GrpcToolsPath metadata is missing.");

    public static string ProtoRoot { get; } = Path.Combine(AppContext.BaseDirectory, "TestProtos");

    /// <summary>A request as protoc builds it: every file and its imports in proto_file, source info, the given parameter.</summary>
    public static CodeGeneratorRequest Request(string parameter, params string[] filesToGenerate)
    {
        var set = Sets.GetOrAdd(string.Join('|', filesToGenerate), _ => new Lazy<FileDescriptorSet>(() => Compile(filesToGenerate))).Value;
        var request = new CodeGeneratorRequest { Parameter = parameter };
        request.FileToGenerate.AddRange(filesToGenerate);
        request.ProtoFile.AddRange(set.File.Select(f => f.Clone()));
        return request;
    }

    private static FileDescriptorSet Compile(string[] files)
    {
        var output = Path.Combine(Path.GetTempPath(), $"ego-gen-{Guid.NewGuid():N}.pb");
        var start = new ProcessStartInfo(ExecutablePath())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = ProtoRoot,
        };
        foreach (var argument in new[] { $"-I{ProtoRoot}", $"-I{Path.Combine(ToolsPath, "build", "native", "include")}",
                     $"--descriptor_set_out={output}", "--include_imports", "--include_source_info" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("protoc did not start.");
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                throw new TimeoutException("protoc did not finish within 60 seconds.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"protoc failed ({process.ExitCode}): {errors.Result}");
            }

            return FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(output));
        }
        finally
        {
            File.Delete(output);
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
