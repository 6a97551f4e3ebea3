using System.Diagnostics;
using Ego.Discovery;
using Ego.Grpc;
using Ego.Hosting;
using Ego.Registry.Etcd.Tests.Support;
using Ego.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Ego.Registry.Etcd.Tests;

/// <summary>
/// Servers registering themselves through the application host and a client resolving <c>etcd:///app</c>, under steady
/// load. Calls that cannot connect are moved to another endpoint by the channel; nothing else retries.
/// </summary>
public sealed class RegistryDiscoveryAcceptanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string prefix = SharedEtcd.UniquePrefix();
    private readonly List<EchoInstance> instances = [];
    private string etcd = "";
    private EtcdClient? client;
    private GrpcChannel? channel;

    public async Task InitializeAsync()
    {
        etcd = await SharedEtcd.EndpointAsync();
        client = await SharedEtcd.ClientAsync();
        var factory = new EtcdResolverFactory(client, new EtcdRegistryOptions { Prefix = prefix });
        channel = GrpcChannel.ForAddress("etcd:///echo", new GrpcChannelOptions { Resolvers = new ResolverRegistry([factory]) });
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        channel?.Dispose();
        client?.Dispose();
    }

    [Fact]
    public async Task StartAsync_NewInstance_ReceivesCallsWithinTwoSeconds()
    {
        await StartInstanceAsync("a");
        var load = new LoadRunner(Client());
        await load.WaitForCallsAsync(50, Wait);

        var started = Stopwatch.StartNew();
        await StartInstanceAsync("b");
        await Eventually.ValueAsync(() => Task.FromResult(load.ServedBy.ContainsKey("b")), served => served, Wait, "a call served by the new instance");
        var elapsed = started.Elapsed;
        await load.StopAsync();

        output.WriteLine($"new instance served its first call {elapsed.TotalMilliseconds:F0} ms after it started; calls {load.Calls}, failures {load.Failures.Count}");
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"the new instance took {elapsed} to get its first call");
        Assert.Empty(load.Failures);
    }

    [Fact]
    public async Task StartAsync_Ready_RegisteredUnderItsListeningAddressUntilStoppingBegins()
    {
        var instance = await StartInstanceAsync("a");
        var key = EtcdServiceKey.Format(prefix, "echo", "grpc", new ServiceEndpoint("127.0.0.1", int.Parse(instance.Address.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)));
        var registered = await client!.GetAsync(key, false, CancellationToken.None);
        var lifecycle = instance.Services.GetRequiredService<ApplicationLifecycle>();

        var stopping = instance.StopAsync();
        await lifecycle.WhenReached(ApplicationStage.Stopping).WaitAsync(Wait);
        var whenRefusing = await client.GetAsync(key, false, CancellationToken.None);
        await stopping.WaitAsync(Wait);

        Assert.Single(registered.Kvs);
        Assert.Empty(whenRefusing.Kvs);
    }

    [Fact]
    public async Task StopAsync_InstanceStoppingUnderLoad_NoFailedCall()
    {
        var a = await StartInstanceAsync("a");
        await StartInstanceAsync("b");
        var load = new LoadRunner(Client());
        await Eventually.ValueAsync(() => Task.FromResult(load.ServedBy.Count), n => n == 2, Wait, "both instances serving");

        await a.StopAsync();
        await load.WaitForCallsAsync(100, Wait);
        await load.StopAsync();

        output.WriteLine($"calls {load.Calls}, failures {load.Failures.Count}, served by {string.Join(", ", load.ServedBy.Select(p => $"{p.Key}={p.Value}"))}");
        Assert.Empty(load.Failures);
        Assert.Equal(load.Calls, load.ServedBy.Values.Sum());
    }

    [Fact]
    public async Task Resolver_KilledInstanceStillRegistered_CallsSucceedElsewhereAndItDropsOutAtLeaseExpiry()
    {
        await StartInstanceAsync("live");
        // A killed server leaves its key behind until its lease runs out, and its port refuses connections.
        var dead = new ServiceEndpoint("127.0.0.1", ChildProcess.FreePort());
        var lease = await client!.GrantLeaseAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        var deadKey = EtcdServiceKey.Format(prefix, "echo", "grpc", dead);
        await client.PutAsync(deadKey, "{}", lease.ID, CancellationToken.None);
        await Eventually.ValueAsync(() => Task.FromResult(channel!.Targets.Count), n => n == 2, Wait, "the client seeing both endpoints");
        var deadSubchannel = channel!.Endpoints.Subchannels.Single(s => s.Endpoint.Equals(dead));
        var load = new LoadRunner(Client());
        await load.WaitForCallsAsync(20, Wait);

        await Eventually.ValueAsync(() => client.GetAsync(deadKey, false, CancellationToken.None), r => r.Kvs.Count == 0, Wait, "the dead instance's lease expiring");
        await Eventually.ValueAsync(() => Task.FromResult(channel!.Targets.Count), n => n == 1, Wait, "the client dropping the dead endpoint");
        await load.WaitForCallsAsync(50, Wait);
        await load.StopAsync();

        output.WriteLine($"calls {load.Calls}, failures {load.Failures.Count}, connection attempts refused by the dead endpoint {deadSubchannel.ConnectFailures}");
        Assert.True(deadSubchannel.ConnectFailures > 0, "no call was sent to the dead endpoint");
        Assert.Empty(load.Failures);
        Assert.Equal(["live"], load.ServedBy.Keys);
    }

    [Fact]
    public async Task RollingRestart_ThreeInstancesUnderLoad_ZeroFailedCalls()
    {
        for (var i = 0; i < 3; i++)
        {
            await StartInstanceAsync("v1-" + i);
        }

        var load = new LoadRunner(Client());
        await Eventually.ValueAsync(() => Task.FromResult(load.ServedBy.Count), n => n == 3, Wait, "all three instances serving");
        var started = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            await instances[i].StopAsync();
            await StartInstanceAsync("v2-" + i);
            var name = "v2-" + i;
            await Eventually.ValueAsync(() => Task.FromResult(load.ServedBy.ContainsKey(name)), served => served, Wait, name + " serving");
        }

        await load.WaitForCallsAsync(100, Wait);
        await load.StopAsync();

        output.WriteLine($"rolling restart of 3 instances in {started.Elapsed.TotalSeconds:F1} s: calls {load.Calls}, failures {load.Failures.Count}");
        output.WriteLine("served by " + string.Join(", ", load.ServedBy.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));
        Assert.Empty(load.Failures);
    }

    private Echo.Echo.EchoClient Client() => new(channel!.CreateCallInvoker());

    private async Task<EchoInstance> StartInstanceAsync(string name)
    {
        var instance = await EchoInstance.StartAsync(etcd, prefix, "echo", name);
        instances.Add(instance);
        return instance;
    }
}
