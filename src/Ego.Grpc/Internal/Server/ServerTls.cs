using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Ego.Grpc.Internal.Server;

/// <summary>
/// TLS for the standalone Kestrel: a connection middleware that terminates TLS (ALPN h2) with public APIs only,
/// as Kestrel's own HTTPS support depends on services of the web host.
/// </summary>
internal static class ServerTls
{
    public static X509Certificate2? LoadCertificate(GrpcServerOptions options)
    {
        if (options.CertFile.Length == 0)
        {
            return null;
        }

        return options.KeyFile.Length > 0
            ? X509Certificate2.CreateFromPemFile(options.CertFile, options.KeyFile)
            : X509CertificateLoader.LoadPkcs12FromFile(options.CertFile, password: null);
    }

    public static void Use(ListenOptions listen, X509Certificate2 certificate)
    {
        var authentication = new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate,
            ApplicationProtocols = [SslApplicationProtocol.Http2],
            ClientCertificateRequired = false,
        };
        listen.Use(next => async context =>
        {
            var transport = context.Transport;
            var ssl = new SslStream(new DuplexPipeStream(transport), leaveInnerStreamOpen: false);
            try
            {
                await ssl.AuthenticateAsServerAsync(authentication, context.ConnectionClosed).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or AuthenticationException or OperationCanceledException)
            {
                await ssl.DisposeAsync().ConfigureAwait(false);
                return;
            }

            var input = PipeReader.Create(ssl);
            var output = PipeWriter.Create(ssl);
            context.Transport = new DuplexPipe(input, output);
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                await input.CompleteAsync().ConfigureAwait(false);
                await output.CompleteAsync().ConfigureAwait(false);
                await ssl.DisposeAsync().ConfigureAwait(false);
                context.Transport = transport;
            }
        });
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }
}
