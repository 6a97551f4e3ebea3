using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ego.Components;

namespace Ego.Registry.Kubernetes.Internal;

/// <summary>The API server address and credentials, with the in-cluster defaults filled in and every file checked.</summary>
internal sealed class KubernetesConnection
{
    private KubernetesConnection(Uri baseAddress, TokenSource tokens, X509Certificate2Collection? authority, bool insecure, string defaultNamespace, IReadOnlyList<string> namespaces)
    {
        BaseAddress = baseAddress;
        Tokens = tokens;
        Authority = authority;
        Insecure = insecure;
        DefaultNamespace = defaultNamespace;
        Namespaces = namespaces;
    }

    public Uri BaseAddress { get; }

    public TokenSource Tokens { get; }

    /// <summary>The CA certificates trusted for the API server; null trusts the system's roots.</summary>
    public X509Certificate2Collection? Authority { get; }

    public bool Insecure { get; }

    /// <summary>The namespace of <c>k8s:///service:port</c>: the pod's, else the first configured, else <c>default</c>.</summary>
    public string DefaultNamespace { get; }

    /// <summary>Namespaces targets may name; empty allows any.</summary>
    public IReadOnlyList<string> Namespaces { get; }

    /// <summary>Fills in the in-cluster defaults and checks them; null with <paramref name="errors"/> filled when something is wrong.</summary>
    public static KubernetesConnection? Resolve(KubernetesOptions options, KubernetesEnvironment environment, TimeProvider time, ICollection<ComponentOptionError> errors)
    {
        var before = errors.Count;
        options.Validate(errors);
        var inCluster = options.Addr.Length == 0;
        var address = inCluster ? InClusterAddress(environment, errors) : options.Addr;
        var tokenFile = options.TokenFile.Length > 0 || !inCluster || options.Token.Length > 0 ? options.TokenFile : environment.TokenPath;
        if (tokenFile.Length > 0)
        {
            Check(errors, "tokenFile", () => TokenSource.Read(tokenFile));
        }

        var caFile = options.CaFile.Length > 0 || !inCluster || options.TlsClientConfigInsecure ? options.CaFile : environment.CaPath;
        X509Certificate2Collection? authority = null;
        if (caFile.Length > 0)
        {
            authority = Check(errors, "caFile", () => LoadAuthority(caFile));
        }

        if (errors.Count > before || address is null)
        {
            return null;
        }

        var podNamespace = File.Exists(environment.NamespacePath) ? File.ReadAllText(environment.NamespacePath).Trim() : "";
        var defaultNamespace = podNamespace.Length > 0 ? podNamespace : options.Namespaces.FirstOrDefault() ?? "default";
        var tokens = new TokenSource(options.Token, tokenFile, options.TokenRefreshInterval, time);
        return new KubernetesConnection(new Uri(address.TrimEnd('/') + "/"), tokens, authority, options.TlsClientConfigInsecure, defaultNamespace, [.. options.Namespaces]);
    }

    /// <summary>The handler of API requests: HTTP/1.1 (watches are long chunked responses), the configured trust.</summary>
    public SocketsHttpHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1), ConnectTimeout = TimeSpan.FromSeconds(10) };
        if (Insecure)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (Authority is { } authority)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, policyErrors) => IsTrusted(authority, certificate, policyErrors);
        }

        return handler;
    }

    private static bool IsTrusted(X509Certificate2Collection authority, X509Certificate? certificate, SslPolicyErrors policyErrors)
    {
        if (certificate is null || policyErrors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(authority);
        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    private static string? InClusterAddress(KubernetesEnvironment environment, ICollection<ComponentOptionError> errors)
    {
        var host = environment.Variable("KUBERNETES_SERVICE_HOST");
        var port = environment.Variable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            errors.Add(new("addr", "is empty and KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT are not set (not running in a pod): expected the API server URL, e.g. \"https://10.0.0.1:6443\""));
            return null;
        }

        return host.Contains(':', StringComparison.Ordinal) ? $"https://[{host}]:{port}" : $"https://{host}:{port}";
    }

    private static X509Certificate2Collection LoadAuthority(string path)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(path);
        return collection.Count > 0 ? collection : throw new CryptographicException($"'{path}' holds no PEM certificate");
    }

    private static T? Check<T>(ICollection<ComponentOptionError> errors, string key, Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            errors.Add(new(key, exception.Message));
            return null;
        }
    }
}
