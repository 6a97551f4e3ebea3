using System.Diagnostics;

namespace Ego.Governor.Tests.Metrics;

/// <summary>Finds and runs the Prometheus binaries; a missing binary fails the test with how to install it.</summary>
internal static class ExternalTool
{
    public static string Require(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null,
            $"'{name}' was not found on PATH: install the Debian package 'prometheus' (apt-get install -y prometheus), which provides prometheus and promtool");
        return path!;
    }

    /// <summary>Runs <paramref name="file"/> with <paramref name="input"/> on stdin; returns the exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string input, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish within {timeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
