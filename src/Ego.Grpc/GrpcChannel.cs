using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Ego.Discovery;
using Ego.Grpc.Internal;
using Ego.Grpc.Internal.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Grpc;

/// <summary>
/// A client channel over <see cref="SocketsHttpHandler"/> speaking HTTP/2 (h2c with prior knowledge, or TLS for
/// https addresses), opening more connections when one reaches its stream limit. The address is resolved into
/// endpoints (a static list, DNS, or a registry's resolver) and each call goes to the endpoint the balancer picks.
/// </summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly bool _disposeInvoker;
    private readonly CallInvoker _callInvoker;

    private GrpcChannel(string target, BalancedEndpoints endpoints, string? unixSocketPath, GrpcChannelOptions options)
        : base(target)
    {
        Endpoints = endpoints;
        Options = options;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Ego.Grpc.Client");
        _disposeInvoker = options.HttpHandler is null;
        HttpInvoker = new HttpMessageInvoker(options.HttpHandler ?? CreateHandler(options, unixSocketPath), disposeHandler: _disposeInvoker);
        _callInvoker = new GrpcCallInvoker(this);
    }

    internal GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker HttpInvoker { get; }

    internal ILogger Logger { get; }

    internal ChannelCallCounters Calls { get; } = new();

    /// <summary>The endpoints of the address, their state and figures, and the balancer picking among them.</summary>
    public BalancedEndpoints Endpoints { get; }

    /// <summary>The addresses calls currently go to.</summary>
    public IReadOnlyList<Uri> Targets => [.. Endpoints.Subchannels.Select(s => s.BaseUri)];

    /// <summary>
    /// A channel to <paramref name="address"/>: <c>host:port</c> (h2c), <c>http://host:port</c>, <c>https://host:port</c>,
    /// a comma-separated list of them, <c>dns:///host:port</c>, a scheme of <see cref="GrpcChannelOptions.Resolvers"/>
    /// (<c>k8s:///</c>, <c>etcd:///</c>), or a Unix domain socket as <c>unix:/path</c> or <c>unix:///path</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The address or the balancer name is invalid; the message says what was expected.</exception>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        options ??= new GrpcChannelOptions();
        var balancer = Balancers.Create(options.BalancerName, options.TimeProvider);
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Ego.Discovery");
        if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = address["unix:".Length..];
            path = path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
            ArgumentException.ThrowIfNullOrEmpty(path, nameof(address));
            var local = new ResolverRegistry().Create("localhost:80");
            return new GrpcChannel(address, new BalancedEndpoints(local, balancer, options.TimeProvider, static _ => new Uri("http://localhost"), logger), path, options);
        }

        IServiceResolver resolver;
        try
        {
            resolver = (options.Resolvers ?? new ResolverRegistry(timeProvider: options.TimeProvider)).Create(address);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException(exception.Message, nameof(address), exception);
        }

        return new GrpcChannel(address, new BalancedEndpoints(resolver, balancer, options.TimeProvider, null, logger), null, options);
    }

    public override CallInvoker CreateCallInvoker() => _callInvoker;

    /// <summary>Waits for the endpoints and opens an HTTP/2 connection to each, failing with the first that cannot be reached.</summary>
    /// <exception cref="HttpRequestException">No endpoint was resolved, or one cannot be reached or does not speak HTTP/2.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        await Endpoints.Resolved.WaitAsync(cancellationToken).ConfigureAwait(false);
        var subchannels = Endpoints.Subchannels;
        if (subchannels.Count == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, Endpoints.DescribeUnavailable());
        }

        foreach (var subchannel in subchannels)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subchannel.GetUri("/"))
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new ByteArrayContent([]),
            };
            request.Content.Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
            request.Headers.TryAddWithoutValidation("te", "trailers");
            using var response = await HttpInvoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        HttpInvoker.Dispose();

        // The resolver stops in the background: Dispose must not block on a registry's watch.
        _ = Endpoints.DisposeAsync().AsTask();
    }

    private static async ValueTask<Stream> ConnectUnixSocketAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static SocketsHttpHandler CreateHandler(GrpcChannelOptions options, string? unixSocketPath)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = options.ConnectTimeout,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = options.KeepAlivePermitWithoutCalls ? HttpKeepAlivePingPolicy.Always : HttpKeepAlivePingPolicy.WithActiveRequests,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
        };
        if (unixSocketPath is not null)
        {
            handler.ConnectCallback = (_, cancellationToken) => ConnectUnixSocketAsync(unixSocketPath, cancellationToken);
        }

        if (options.SkipCertificateValidation)
        {
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = static (_, _, _, _) => true };
        }

        return handler;
    }
}
