using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ego.Registry.Kubernetes.Internal;

namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>A temporary directory laid out like a pod's service account mount: token, ca.crt, namespace.</summary>
internal sealed class ServiceAccountDirectory : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("ego-k8s-sa-");

    public string Path => directory.FullName;

    public ServiceAccountDirectory With(string file, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), content);
        return this;
    }

    /// <summary>Writes a self-signed CA certificate as <c>ca.crt</c>.</summary>
    public ServiceAccountDirectory WithCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return With("ca.crt", certificate.ExportCertificatePem());
    }

    public KubernetesEnvironment Environment(params (string Name, string Value)[] variables) =>
        new(name => variables.FirstOrDefault(v => v.Name == name).Value, Path);

    public void Dispose() => directory.Delete(recursive: true);
}
