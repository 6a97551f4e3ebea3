using Ego.Components;
using Microsoft.Extensions.Configuration;

namespace Ego.Registry.Kubernetes.Tests;

public sealed class KubernetesOptionsTests
{
    [Fact]
    public void Bind_EgoKeys_ReadsEveryOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["k8s:addr"] = "https://10.0.0.1:6443",
            ["k8s:tokenFile"] = "/etc/k8s/token",
            ["k8s:tlsClientConfigInsecure"] = "true",
            ["k8s:namespaces:0"] = "shop",
            ["k8s:namespaces:1"] = "pay",
            ["k8s:watchTimeout"] = "2m",
            ["k8s:backoffMax"] = "1m",
        }).Build();

        var binding = ComponentConfiguration.Bind<KubernetesOptions>(configuration, "k8s", CallerLocation.Unknown, "k8s");

        var options = binding.Options;
        Assert.Equal("https://10.0.0.1:6443", options.Addr);
        Assert.Equal("/etc/k8s/token", options.TokenFile);
        Assert.True(options.TlsClientConfigInsecure);
        Assert.Equal(["shop", "pay"], options.Namespaces);
        Assert.Equal(TimeSpan.FromMinutes(2), options.WatchTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.BackoffMax);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BackoffMin);
        Assert.Empty(binding.UnknownKeys);
    }

    [Fact]
    public void Validate_Defaults_HasNoError()
    {
        var errors = new List<ComponentOptionError>();

        new KubernetesOptions().Validate(errors);

        Assert.Empty(errors);
    }
}
