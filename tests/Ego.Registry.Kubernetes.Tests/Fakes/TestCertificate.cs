using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>A self-signed server certificate for 127.0.0.1, its own CA, with its PEM in a temporary file.</summary>
internal sealed class TestCertificate : IDisposable
{
    public TestCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        PemFile = Path.GetTempFileName();
        File.WriteAllText(PemFile, Certificate.ExportCertificatePem());
    }

    public X509Certificate2 Certificate { get; }

    public string PemFile { get; }

    public void Dispose()
    {
        Certificate.Dispose();
        File.Delete(PemFile);
    }
}
