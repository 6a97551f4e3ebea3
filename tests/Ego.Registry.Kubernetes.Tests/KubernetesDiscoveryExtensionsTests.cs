using Ego.Components;
using Ego.Discovery;
using Ego.FailFast;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Registry.Kubernetes.Tests;

public sealed class KubernetesDiscoveryExtensionsTests
{
    [Fact]
    public void AddKubernetesResolver_ValidOptions_RegistersK8sFactoryAndGovernorStats()
    {
        using var provider = new ServiceCollection()
            .AddKubernetesResolver(o => (o.Addr, o.Token) = ("https://127.0.0.1:6443", "t"))
            .BuildServiceProvider();

        var factory = Assert.Single(provider.GetServices<IServiceResolverFactory>());
        Assert.Equal("k8s", factory.Scheme);
        Assert.Equal("k8s", Assert.Single(provider.GetServices<IGovernorStats>()).Name);
    }

    [Fact]
    public void AddKubernetesResolver_InvalidOptions_FailsNamingEachKey()
    {
        using var provider = new ServiceCollection()
            .AddKubernetesResolver(o => (o.Addr, o.BackoffMin) = ("127.0.0.1:6443", TimeSpan.Zero))
            .BuildServiceProvider();

        var error = Assert.Throws<EgoStartupException>(() => provider.GetRequiredService<IServiceResolverFactory>());

        Assert.Contains("k8s.addr: '127.0.0.1:6443' is not a URL", error.Error);
        Assert.Contains("k8s.backoffMin", error.Error);
        Assert.Equal("k8s", error.Key);
    }

    [Fact]
    public async Task AddKubernetesDiscovery_InvalidConfig_FailsTheStartNamingTheKey()
    {
        var environment = new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") };
        var builder = EgoApplication.CreateBuilder(["--k8s.addr=api:6443", "--k8s.token=t"], environment);
        builder.AddKubernetesDiscovery();
        await using var app = builder.Build();
        var output = new StringWriter();
        app.Output = output;
        app.Error = output;

        var code = await app.RunAsync();

        Assert.NotEqual(0, code);
        Assert.Contains("k8s.addr: 'api:6443' is not a URL", output.ToString());
    }
}
