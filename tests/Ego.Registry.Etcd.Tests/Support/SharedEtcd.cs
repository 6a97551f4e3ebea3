namespace Ego.Registry.Etcd.Tests.Support;

/// <summary>
/// The etcd most tests share: <c>EGO_TEST_ETCD</c> (set by scripts/test.sh), or outside CI a private one started once
/// for the test run. Under <c>CI=true</c> a missing variable fails the tests rather than skipping them.
/// </summary>
internal static class SharedEtcd
{
    private static readonly Lazy<Task<string>> Endpoint = new(StartAsync);

    public static Task<string> EndpointAsync() => Endpoint.Value;

    /// <summary>A client of the shared etcd.</summary>
    public static async Task<EtcdClient> ClientAsync(TimeSpan? readTimeout = null)
        => new(new EtcdOptions { Addrs = [await EndpointAsync()], ReadTimeout = readTimeout ?? TimeSpan.FromSeconds(10) });

    /// <summary>A key prefix no other test uses.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("EGO_TEST_ETCD") is { Length: > 0 } endpoint)
        {
            return endpoint;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("EGO_TEST_ETCD is not set under CI=true: run the tests through scripts/test.sh, which starts etcd and exports its host:port");
        }

        var etcd = await EtcdProcess.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => etcd.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return etcd.Endpoint;
    }
}
