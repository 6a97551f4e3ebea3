using Ego.Components;
using Ego.Registry.Kubernetes.Internal;
using Ego.Registry.Kubernetes.Tests.Fakes;

namespace Ego.Registry.Kubernetes.Tests;

public sealed class KubernetesConnectionTests
{
    [Fact]
    public void Resolve_InCluster_UsesServiceHostAndServiceAccountFiles()
    {
        using var account = new ServiceAccountDirectory().With("token", "sa-token\n").With("namespace", "shop").WithCa();
        var errors = new List<ComponentOptionError>();

        var connection = KubernetesConnection.Resolve(new KubernetesOptions(), account.Environment(("KUBERNETES_SERVICE_HOST", "10.96.0.1"), ("KUBERNETES_SERVICE_PORT", "443")), TimeProvider.System, errors);

        Assert.Empty(errors);
        Assert.NotNull(connection);
        Assert.Equal(new Uri("https://10.96.0.1:443/"), connection.BaseAddress);
        Assert.Equal("sa-token", connection.Tokens.Current());
        Assert.Equal("shop", connection.DefaultNamespace);
        Assert.Single(connection.Authority!);
    }

    [Fact]
    public void Resolve_InClusterWithoutServiceHost_ReportsAddrExplainingWhy()
    {
        using var account = new ServiceAccountDirectory();
        var errors = new List<ComponentOptionError>();

        var connection = KubernetesConnection.Resolve(new KubernetesOptions(), account.Environment(), TimeProvider.System, errors);

        Assert.Null(connection);
        var error = Assert.Single(errors, e => e.Key == "addr");
        Assert.Contains("KUBERNETES_SERVICE_HOST", error.Message);
    }

    [Fact]
    public void Resolve_InClusterWithoutTokenFile_ReportsTokenFile()
    {
        using var account = new ServiceAccountDirectory().WithCa();
        var errors = new List<ComponentOptionError>();

        KubernetesConnection.Resolve(new KubernetesOptions(), account.Environment(("KUBERNETES_SERVICE_HOST", "10.96.0.1"), ("KUBERNETES_SERVICE_PORT", "443")), TimeProvider.System, errors);

        var error = Assert.Single(errors);
        Assert.Equal("tokenFile", error.Key);
        Assert.Contains(Path.Combine(account.Path, "token"), error.Message);
    }

    [Fact]
    public void Resolve_ExplicitAddrOutOfCluster_DefaultsToFirstNamespace()
    {
        using var account = new ServiceAccountDirectory();
        var errors = new List<ComponentOptionError>();
        var options = new KubernetesOptions { Addr = "https://api.example:6443", Token = "t", Namespaces = ["shop", "pay"] };

        var connection = KubernetesConnection.Resolve(options, account.Environment(), TimeProvider.System, errors);

        Assert.Empty(errors);
        Assert.Equal("shop", connection!.DefaultNamespace);
        Assert.Null(connection.Authority);
    }

    [Fact]
    public void Resolve_InvalidOptions_ReportsEveryBadKey()
    {
        using var account = new ServiceAccountDirectory();
        var errors = new List<ComponentOptionError>();
        var options = new KubernetesOptions
        {
            Addr = "api.example:6443",
            Token = "t",
            TokenFile = Path.Combine(account.Path, "missing"),
            CaFile = Path.Combine(account.Path, "missing.crt"),
            TlsClientConfigInsecure = true,
            Namespaces = ["Shop"],
            WatchTimeout = TimeSpan.Zero,
            BackoffMin = TimeSpan.FromSeconds(10),
            BackoffMax = TimeSpan.FromSeconds(1),
        };

        var connection = KubernetesConnection.Resolve(options, account.Environment(), TimeProvider.System, errors);

        Assert.Null(connection);
        Assert.Equal(["addr", "token", "tlsClientConfigInsecure", "namespaces[0]", "watchTimeout", "backoffMax", "tokenFile", "caFile"], errors.Select(e => e.Key));
        Assert.Contains("https://host:port", errors[0].Message);
    }

    [Fact]
    public void Resolve_CaFileWithoutCertificate_ReportsCaFile()
    {
        using var account = new ServiceAccountDirectory().With("ca.crt", "not a certificate");
        var errors = new List<ComponentOptionError>();
        var options = new KubernetesOptions { Addr = "https://api.example:6443", CaFile = Path.Combine(account.Path, "ca.crt") };

        KubernetesConnection.Resolve(options, account.Environment(), TimeProvider.System, errors);

        var error = Assert.Single(errors);
        Assert.Equal("caFile", error.Key);
        Assert.Contains("no PEM certificate", error.Message);
    }
}
