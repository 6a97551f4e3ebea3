using System.Net;
using System.Net.Sockets;
using Ego.Grpc.Compression;
using Microsoft.AspNetCore.Http;

namespace Ego.Grpc.Internal.Server;

/// <summary>The state of one call served over an HTTP/2 stream: deadline, metadata, compression, what was sent.</summary>
internal sealed partial class HttpServerCallContext : ServerCallContext, IDisposable
{
    private readonly HttpContext _http;
    private readonly IMethod _method;
    private readonly ServerCallRuntime _runtime;
    // Only a call with a deadline has a second actor (the deadline timer) that can complete it; others need no lock.
    private Lock? _deadlineLock;
    private CancellationTokenSource? _deadlineSource;
    private CancellationTokenRegistration _abortRegistration;
    private ITimer? _deadlineTimer;
    private Task? _deadlineCompletion;
    private Task _pendingFlush = Task.CompletedTask;
    private DateTime _deadline = DateTime.MaxValue;
    private volatile bool _deadlineReached;
    private volatile bool _completing;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object>? _userState;
    private string? _peer;
    private bool _headersSent;
    private bool _messageWritten;
    private Status _status = Status.DefaultSuccess;

    public HttpServerCallContext(HttpContext http, IMethod method, ServerCallRuntime runtime)
    {
        _http = http;
        _method = method;
        _runtime = runtime;
        CallCancellationToken = http.RequestAborted;
    }

    public ServerCallRuntime Runtime => _runtime;

    public HttpContext HttpContext => _http;

    /// <summary>The client's <c>grpc-encoding</c>; null when identity.</summary>
    public string? RequestEncoding { get; private set; }

    /// <summary>The compression of response messages; null when identity.</summary>
    public ICompressionProvider? ResponseCompression { get; private set; }

    /// <summary>True when the call has a deadline timer, which may complete the call on its own.</summary>
    public bool HasDeadline => _deadlineLock is not null;

    /// <summary>True once the deadline passed (and the client had not gone first).</summary>
    public bool DeadlineExceeded => _deadlineReached;

    public bool ClientGone => _http.RequestAborted.IsCancellationRequested;

    /// <summary>True once headers or a message went out, so the status must go in trailers.</summary>
    public bool ResponseStarted => _headersSent || _messageWritten;

    /// <summary>True once the status is being sent; no message can be written any more.</summary>
    public bool Completed => _completing;

    public CancellationToken CallCancellationToken { get; private set; }

    public override string Method => _method.FullName;

    public override string Host => _http.Request.Host.Value ?? "";

    public override string Peer => _peer ??= FormatPeer(_http.Connection.RemoteIpAddress, _http.Connection.RemotePort);

    public override DateTime Deadline => _deadline;

    public override Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders();

    public override Metadata ResponseTrailers => _responseTrailers ??= [];

    public override CancellationToken CancellationToken => CallCancellationToken;

    public override Status Status
    {
        get => _status;
        set => _status = value;
    }

    public override WriteOptions? WriteOptions { get; set; }

    public override IDictionary<object, object> UserState => _userState ??= [];

    public override HttpContext? GetHttpContext() => _http;

    /// <summary>Reads the protocol headers; throws <see cref="RpcException"/> for values it cannot serve.</summary>
    public void Initialize()
    {
        var response = _http.Response;
        response.ContentType = GrpcProtocol.ContentType;
        var headers = _http.Request.Headers;

        // The typed grpc-* properties are Kestrel's known-header slots: no lookup by name.
        var encoding = headers.GrpcEncoding.ToString();
        if (encoding.Length > 0 && encoding != GrpcProtocol.Identity)
        {
            if (!CompressionProviders.IsSupported(encoding))
            {
                response.Headers.GrpcAcceptEncoding = CompressionProviders.AcceptEncoding;
                throw new RpcException(new Status(StatusCode.Unimplemented, $"grpc-encoding '{encoding}' is not supported; supported: {CompressionProviders.AcceptEncoding}"));
            }

            RequestEncoding = encoding;
        }

        ResponseCompression = ChooseResponseCompression(headers.GrpcAcceptEncoding.ToString());

        var timeoutText = headers.GrpcTimeout.ToString();
        if (timeoutText.Length > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutText, out var timeout))
            {
                throw new RpcException(new Status(StatusCode.Internal, $"malformed grpc-timeout '{timeoutText}': expected up to 8 digits followed by a unit (H, M, S, m, u, n)"));
            }

            StartDeadline(timeout);
        }
    }

    public void Dispose()
    {
        _deadlineTimer?.Dispose();
        _abortRegistration.Dispose();
        _deadlineSource?.Dispose();
    }

    private ICompressionProvider? ChooseResponseCompression(string acceptEncoding)
    {
        if (_runtime.ResponseCompression is { } configured && Accepts(acceptEncoding, configured.EncodingName))
        {
            return configured;
        }

        // Like grpc-go: answer in the encoding the client used for its request.
        return RequestEncoding is { } requested && (acceptEncoding.Length == 0 || Accepts(acceptEncoding, requested))
            ? CompressionProviders.Find(requested)
            : null;
    }

    private static bool Accepts(string acceptEncoding, string name)
    {
        foreach (var part in acceptEncoding.AsSpan().Split(','))
        {
            if (acceptEncoding.AsSpan()[part].Trim().Equals(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var header in _http.Request.Headers)
        {
            MetadataCodec.AddHeader(metadata, header.Key, header.Value);
        }

        return metadata;
    }

    private static string FormatPeer(IPAddress? address, int port) => address switch
    {
        null => "unknown",
        { AddressFamily: AddressFamily.InterNetworkV6 } => $"ipv6:[{address}]:{port}",
        _ => $"ipv4:{address}:{port}",
    };
}
