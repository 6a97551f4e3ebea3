using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ego.Tests.Shared;

/// <summary>A program run by a test as a user would run it: output captured, SIGTERM to stop, killed if left running.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly HashSet<int> HandedOut = [];

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly List<(string Prefix, TaskCompletionSource<string> Line)> waiters = [];

    private ChildProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the program printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public int ExitCode => process.ExitCode;

    /// <summary>The repository root: the folder holding Ego.slnx above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ego.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Ego.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The build configuration of the running test assembly, so sibling programs are taken from the same build.</summary>
    public static string Configuration()
        => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>
    /// A loopback port free now and not handed out before in this test run: the kernel may give a port it just gave
    /// again once the probe closes, and a program started with two equal ports fails to bind the second.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start"));
    }

    /// <summary>Runs a program to its end (bounded by <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        await using var child = Start(fileName, args, workingDirectory, environment);
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await child.process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in time; it printed:\n{child.Output}");
        }

        child.process.WaitForExit();
        return (child.process.ExitCode, child.Output);
    }

    /// <summary>Waits for the first output line starting with <paramref name="prefix"/> and returns the rest of it.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        TaskCompletionSource<string> line;
        lock (output)
        {
            foreach (var existing in output.ToString().Split('\n'))
            {
                if (existing.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return existing[prefix.Length..].Trim();
                }
            }

            line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((prefix, line));
        }

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(line.Task, exited, Task.Delay(timeout));
        if (first == line.Task)
        {
            return await line.Task;
        }

        throw new TimeoutException($"no line starting with '{prefix}' ({(first == exited ? "the program exited" : "timed out")}); it printed:\n{Output}");
    }

    /// <summary>Sends SIGTERM, as Kubernetes does, and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan? timeout = null)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cancellation.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
            for (var i = waiters.Count - 1; i >= 0; i--)
            {
                if (line.StartsWith(waiters[i].Prefix, StringComparison.Ordinal))
                {
                    waiters[i].Line.TrySetResult(line[waiters[i].Prefix.Length..].Trim());
                    waiters.RemoveAt(i);
                }
            }
        }
    }
}
