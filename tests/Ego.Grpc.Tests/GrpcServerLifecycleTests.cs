using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ego.Grpc.Tests.Support;

namespace Ego.Grpc.Tests;

/// <summary>Start, stop, TLS and reconnection behaviour of <see cref="GrpcServer"/> with the channel.</summary>
public sealed class GrpcServerLifecycleTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task StartAsync_TlsCertificateConfigured_ServesOverHttps()
    {
        var directory = Directory.CreateTempSubdirectory("ego-grpc-tls-");
        try
        {
            var (certFile, keyFile) = WriteSelfSignedCertificate(directory.FullName);
            await using var test = await TestServer.StartAsync(
                b => b.AddService(EchoService.Create()),
                settings: [("server:grpc:certFile", certFile), ("server:grpc:keyFile", keyFile)]);
            using var channel = GrpcChannel.ForAddress("https://" + test.Address, new GrpcChannelOptions { SkipCertificateValidation = true });

            var response = await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "secure");

            Assert.Equal("secure", response);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_UnixNetwork_ServesOverTheSocket()
    {
        var directory = Directory.CreateTempSubdirectory("ego-grpc-unix-");
        try
        {
            var path = Path.Combine(directory.FullName, "grpc.sock");
            await using var server = GrpcServer.CreateBuilder(new GrpcServerOptions { Network = "unix", Host = path }).AddService(EchoService.Create()).Build();
            await server.StartAsync(CancellationToken.None);
            using var channel = GrpcChannel.ForAddress("unix://" + path);

            var response = await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "local");

            Assert.Equal("local", response);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StopAsync_CallInFlight_LetsItFinish()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: async (request, _) =>
        {
            started.TrySetResult();
            await release.Task;
            return request;
        })));

        var call = test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "in-flight");
        await started.Task.WaitAsync(Wait);
        var stopping = test.Server.StopAsync(new CancellationTokenSource(Wait).Token);
        release.SetResult();
        await stopping;

        Assert.Equal("in-flight", await call);
    }

    [Fact]
    public async Task WaitForReady_ServerStartsLater_CallSucceeds()
    {
        var port = TestPorts.Closed();
        using var channel = GrpcChannel.ForAddress($"127.0.0.1:{port}");
        var options = new CallOptions(deadline: DateTime.UtcNow.Add(Wait)).WithWaitForReady();

        var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, options, "eventually");
        await Task.Delay(300);
        var builder = GrpcServer.Load(TestServer.Config(("server:grpc:host", "127.0.0.1"), ("server:grpc:port", port.ToString()))).AddService(EchoService.Create());
        await using var server = builder.Build();
        await server.StartAsync(CancellationToken.None);

        Assert.Equal("eventually", await call);
    }

    [Fact]
    public async Task StartAsync_PortInUse_Throws()
    {
        await using var first = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        var port = first.Address.Split(':')[1];
        await using var second = GrpcServer.Load(TestServer.Config(("server:grpc:host", "127.0.0.1"), ("server:grpc:port", port))).AddService(EchoService.Create()).Build();

        await Assert.ThrowsAnyAsync<IOException>(() => second.StartAsync(CancellationToken.None));
    }

    private static (string CertFile, string KeyFile) WriteSelfSignedCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certFile = Path.Combine(directory, "server.crt");
        var keyFile = Path.Combine(directory, "server.key");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile);
    }
}
