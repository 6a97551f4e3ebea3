using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Ego.Grpc.Internal;
using Ego.Grpc.Internal.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Grpc;

/// <summary>
/// A client channel over <see cref="SocketsHttpHandler"/> speaking HTTP/2 (h2c with prior knowledge, or TLS for
/// https addresses), opening more connections when one reaches its stream limit. Several addresses are used in
/// round robin, one per call.
/// </summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly Uri[] _targets;
    private readonly ConcurrentDictionary<(int Target, string Path), Uri> _uris = new();
    private readonly bool _disposeInvoker;
    private readonly CallInvoker _callInvoker;
    private int _next = -1;

    private GrpcChannel(string target, Uri[] targets, string? unixSocketPath, GrpcChannelOptions options)
        : base(target)
    {
        _targets = targets;
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

    /// <summary>The addresses calls go to.</summary>
    public IReadOnlyList<Uri> Targets => _targets;

    /// <summary>
    /// A channel to <paramref name="address"/>: <c>host:port</c> (h2c), <c>http://host:port</c>, <c>https://host:port</c>,
    /// a comma-separated list of them, or a Unix domain socket as <c>unix:/path</c> or <c>unix:///path</c>.
    /// </summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = address["unix:".Length..];
            path = path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
            ArgumentException.ThrowIfNullOrEmpty(path, nameof(address));
            return new GrpcChannel(address, [new Uri("http://localhost")], path, options ?? new GrpcChannelOptions());
        }

        var targets = address.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseTarget).ToArray();
        return new GrpcChannel(address, targets, null, options ?? new GrpcChannelOptions());
    }

    public override CallInvoker CreateCallInvoker() => _callInvoker;

    /// <summary>Opens an HTTP/2 connection to every address, failing with the first that cannot be reached.</summary>
    /// <exception cref="HttpRequestException">An address cannot be reached or does not speak HTTP/2.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        foreach (var target in _targets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, "/"))
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

    public void Dispose() => HttpInvoker.Dispose();

    internal Uri NextUri(string path)
    {
        var index = _targets.Length == 1 ? 0 : (int)((uint)Interlocked.Increment(ref _next) % (uint)_targets.Length);
        return _uris.GetOrAdd((index, path), static (key, targets) => new Uri(targets[key.Target], key.Path), _targets);
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

    private static Uri ParseTarget(string address)
    {
        var hasScheme = address.Contains("://", StringComparison.Ordinal);
        var text = hasScheme ? address : "http://" + address;
        var missingPort = !hasScheme && address.LastIndexOf(':') <= address.LastIndexOf(']');
        if (missingPort || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{address}' is not a gRPC address: expected host:port, http://host:port or https://host:port", nameof(address));
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority));
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
