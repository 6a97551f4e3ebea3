using Ego.Components;
using Ego.Registry.Kubernetes.Internal;

namespace Ego.Registry.Kubernetes;

/// <summary>
/// How the <c>k8s</c> resolver reaches the Kubernetes API, bound from <c>k8s</c> (EGO's ek8s keys). With an empty
/// <see cref="Addr"/> it runs in-cluster: address from <c>KUBERNETES_SERVICE_HOST/PORT</c>, token, CA and namespace
/// from the pod's service account.
/// </summary>
public sealed class KubernetesOptions : IComponentOptions
{
    /// <summary>The config section read by <c>AddKubernetesDiscovery()</c>.</summary>
    public const string DefaultKey = "k8s";

    /// <summary>API server URL, e.g. <c>https://10.0.0.1:6443</c>; empty for in-cluster.</summary>
    public string Addr { get; set; } = "";

    /// <summary>A bearer token; prefer <see cref="TokenFile"/>, which is re-read as bound tokens rotate.</summary>
    public string Token { get; set; } = "";

    /// <summary>File holding the bearer token, re-read every <see cref="TokenRefreshInterval"/>; in-cluster default: the service account token.</summary>
    public string TokenFile { get; set; } = "";

    /// <summary>PEM file of the CA that signed the API server's certificate; in-cluster default: the service account <c>ca.crt</c>.</summary>
    public string CaFile { get; set; } = "";

    /// <summary>Skips verifying the API server's certificate (EGO's key); for development clusters only.</summary>
    public bool TlsClientConfigInsecure { get; set; }

    /// <summary>Namespaces targets may name; empty allows any. The first is the default namespace out of cluster.</summary>
    public List<string> Namespaces { get; set; } = [];

    /// <summary>How long the API server keeps one watch open (<c>timeoutSeconds</c>) before the resolver opens the next.</summary>
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of a list request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often <see cref="TokenFile"/> is read again.</summary>
    public TimeSpan TokenRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First wait after a failed request; doubled on each further failure.</summary>
    public TimeSpan BackoffMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries while the API is unreachable.</summary>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (Addr.Length > 0 && (!Uri.TryCreate(Addr, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add(new("addr", $"'{Addr}' is not a URL: expected https://host:port, e.g. \"https://10.0.0.1:6443\", or empty in a cluster"));
        }

        if (Token.Length > 0 && TokenFile.Length > 0)
        {
            errors.Add(new("token", "is set together with tokenFile: expected one of them"));
        }

        if (TlsClientConfigInsecure && CaFile.Length > 0)
        {
            errors.Add(new("tlsClientConfigInsecure", "is true while caFile is set: expected one of them"));
        }

        for (var i = 0; i < Namespaces.Count; i++)
        {
            if (!KubernetesNames.IsLabel(Namespaces[i]))
            {
                errors.Add(new($"namespaces[{i}]", $"'{Namespaces[i]}' is not a namespace name: expected lower-case letters, digits and '-', at most 63"));
            }
        }

        Positive(errors, "watchTimeout", WatchTimeout, "\"5m\"");
        Positive(errors, "requestTimeout", RequestTimeout, "\"10s\"");
        Positive(errors, "tokenRefreshInterval", TokenRefreshInterval, "\"1m\"");
        Positive(errors, "backoffMin", BackoffMin, "\"1s\"");
        if (BackoffMax < BackoffMin)
        {
            errors.Add(new("backoffMax", $"{BackoffMax} is shorter than backoffMin {BackoffMin}"));
        }
    }

    private static void Positive(ICollection<ComponentOptionError> errors, string key, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add(new(key, $"{value} must be positive, e.g. {example}"));
        }
    }
}
