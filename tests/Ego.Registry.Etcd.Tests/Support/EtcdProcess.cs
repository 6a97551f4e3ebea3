using Ego.Tests.Shared;

namespace Ego.Registry.Etcd.Tests.Support;

/// <summary>A private single-member etcd on 127.0.0.1 with a temporary data dir, for tests that stop and restart it.</summary>
internal sealed class EtcdProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "ego-etcd-" + Guid.NewGuid().ToString("N"));
    private readonly int clientPort = ChildProcess.FreePort();
    private readonly int peerPort = ChildProcess.FreePort();
    private readonly IReadOnlyList<string> extraArgs;
    private ChildProcess? process;

    private EtcdProcess(IReadOnlyList<string> extraArgs) => this.extraArgs = extraArgs;

    /// <summary>host:port of the client listener.</summary>
    public string Endpoint => $"127.0.0.1:{clientPort}";

    /// <summary>Starts etcd with <paramref name="extraArgs"/> added to the flags of a single member.</summary>
    public static async Task<EtcdProcess> StartAsync(params string[] extraArgs)
    {
        var etcd = new EtcdProcess(extraArgs);
        await etcd.RestartAsync();
        return etcd;
    }

    /// <summary>The path of the etcd binary; fails with what to install when there is none.</summary>
    public static string Binary()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, "etcd");
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("etcd is not installed: install the Debian package etcd-server (scripts/test.sh does)");
    }

    /// <summary>Starts etcd (again, on the same ports and data) and waits until it answers.</summary>
    public async Task RestartAsync()
    {
        process = ChildProcess.Start(Binary(), [
            "--name", "ego-test",
            "--data-dir", dataDir,
            "--listen-client-urls", $"http://{Endpoint}",
            "--advertise-client-urls", $"http://{Endpoint}",
            "--listen-peer-urls", $"http://127.0.0.1:{peerPort}",
            "--initial-advertise-peer-urls", $"http://127.0.0.1:{peerPort}",
            "--initial-cluster", $"ego-test=http://127.0.0.1:{peerPort}",
            .. extraArgs,
        ]);
        await WaitHealthyAsync(Endpoint, StartTimeout);
    }

    /// <summary>Kills etcd at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (process is { } running)
        {
            process = null;
            await running.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>Reads a key until etcd answers, within <paramref name="timeout"/>.</summary>
    public static async Task WaitHealthyAsync(string endpoint, TimeSpan timeout)
    {
        using var client = new EtcdClient(new EtcdOptions { Addrs = [endpoint], ConnectTimeout = TimeSpan.FromSeconds(1), ReadTimeout = TimeSpan.FromSeconds(2) });
        using var deadline = new CancellationTokenSource(timeout);
        Exception? last = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                await client.GetAsync("health", prefix: false, deadline.Token);
                return;
            }
            catch (Exception exception) when (exception is Ego.Grpc.RpcException or OperationCanceledException)
            {
                last = exception;
            }

            try
            {
                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new TimeoutException($"etcd at {endpoint} did not answer within {timeout}: {last?.Message}");
    }
}
