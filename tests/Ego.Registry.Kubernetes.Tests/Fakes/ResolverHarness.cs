using System.Security.Cryptography.X509Certificates;
using Ego.Components;
using Ego.Discovery;
using Ego.Registry.Kubernetes.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>A fake API server and a <c>k8s</c> resolver factory pointed at it with a bearer token.</summary>
internal sealed class ResolverHarness : IAsyncDisposable
{
    private readonly List<EndpointReader> readers = [];

    private ResolverHarness(FakeKubernetesApi api, KubernetesResolverFactory factory)
    {
        Api = api;
        Factory = factory;
    }

    public FakeKubernetesApi Api { get; }

    public KubernetesResolverFactory Factory { get; }

    public static async Task<ResolverHarness> StartAsync(Action<KubernetesOptions>? configure = null, TimeProvider? time = null, X509Certificate2? certificate = null)
    {
        var api = await FakeKubernetesApi.StartAsync(certificate);
        var options = new KubernetesOptions { Addr = api.Address.ToString(), Token = api.Token };
        configure?.Invoke(options);
        var errors = new List<ComponentOptionError>();
        var environment = new KubernetesEnvironment(_ => null, Path.Combine(Path.GetTempPath(), "ego-no-service-account"));
        var connection = KubernetesConnection.Resolve(options, environment, time ?? TimeProvider.System, errors);
        Assert.True(connection is not null, string.Join("; ", errors));
        return new ResolverHarness(api, new KubernetesResolverFactory(options, connection, time ?? TimeProvider.System, NullLoggerFactory.Instance));
    }

    /// <summary>A resolver for <paramref name="addr"/> and a reader of its sets.</summary>
    public EndpointReader Watch(string addr)
    {
        var reader = new EndpointReader(Factory.Create(ResolverTarget.Parse(addr)));
        readers.Add(reader);
        return reader;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var reader in readers)
        {
            await reader.DisposeAsync();
        }

        Factory.Dispose();
        await Api.DisposeAsync();
    }
}
