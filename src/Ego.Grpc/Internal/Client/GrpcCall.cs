using System.IO.Pipelines;
using System.Net;
using Ego.Grpc.Compression;
using Ego.Grpc.Internal.Server;

namespace Ego.Grpc.Internal.Client;

/// <summary>One client call: the HTTP/2 request, its deadline and cancellation, and the final status.</summary>
internal sealed partial class GrpcCall<TRequest, TResponse> : IDisposable
    where TRequest : class
    where TResponse : class
{
    private const int NotCancelled = 0;
    private const int ByDeadline = 1;
    private const int ByCaller = 2;
    private const int ByDispose = 3;

    private static readonly Status DeadlineStatus = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");
    private static readonly Status CallerCancelledStatus = new(StatusCode.Cancelled, "Call canceled by the client.");
    private static readonly Status DisposedStatus = new(StatusCode.Cancelled, "gRPC call disposed.");

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly string? _host;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource<Metadata> _responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ICompressionProvider? _requestCompression;
    private ITimer? _deadlineTimer;
    private CancellationTokenRegistration _callerRegistration;
    private CancellationTokenRegistration _parentRegistration;
    private DateTime _deadline = DateTime.MaxValue;
    private int _cancelReason;
    private int _finished;
    private Status? _status;
    private Metadata? _trailers;
    private RpcException? _failure;
    private HttpResponseMessage? _response;
    private PipeReader? _responseReader;
    private string? _responseEncoding;
    private HttpContent? _content;
    private Discovery.Subchannel? _subchannel;
    private long _subchannelStarted;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _host = host;
        _options = options;
        var encoding = options.Headers?.GetValue(GrpcProtocol.InternalEncodingRequestHeader) ?? channel.Options.RequestCompression;
        if (!string.IsNullOrEmpty(encoding) && encoding != GrpcProtocol.Identity)
        {
            _requestCompression = CompressionProviders.Find(encoding)
                ?? throw new RpcException(new Status(StatusCode.Internal, $"request compression '{encoding}' is not supported; supported: {CompressionProviders.AcceptEncoding}"));
        }

        channel.Calls.OnStarted();
    }

    /// <summary>Static accessors for the call objects, so creating a call allocates no delegates.</summary>
    public static readonly Func<object, Status> StatusOf = static call => ((GrpcCall<TRequest, TResponse>)call).GetStatus();

    public static readonly Func<object, Metadata> TrailersOf = static call => ((GrpcCall<TRequest, TResponse>)call).GetTrailers();

    public static readonly Action<object> DisposeOf = static call => ((GrpcCall<TRequest, TResponse>)call).Dispose();

    public Task<Metadata> ResponseHeadersAsync => _responseHeaders.Task;

    public CancellationToken CancellationToken => _cancellation.Token;

    public Status GetStatus() => _status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() => _trailers ?? throw new InvalidOperationException("Unable to get the trailers because the call is not complete.");

    /// <summary>Cancels the call if unfinished (RST_STREAM(CANCEL) reaches the server).</summary>
    public void Dispose()
    {
        if (Volatile.Read(ref _finished) == 0)
        {
            Cancel(ByDispose);
            Finish(CancelStatus(), new Metadata());
        }

        Cleanup();
    }

    /// <summary>Arms the deadline and links the caller's and the served call's cancellation; a deadline already past cancels at once.</summary>
    private void StartCancellation()
    {
        var timeProvider = _channel.Options.TimeProvider;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        DateTime deadline = DateTime.MaxValue;
        if (_options.Deadline is { } requested)
        {
            deadline = requested.Kind == DateTimeKind.Local ? requested.ToUniversalTime() : requested;
        }
        else if (_channel.Options.DefaultTimeout is { } timeout && timeout > TimeSpan.Zero && _method.Type == MethodType.Unary)
        {
            deadline = now + timeout;
        }

        var parent = ServerCallContextAccessor.Current;
        if (parent is not null && parent.Deadline < deadline)
        {
            deadline = parent.Deadline;
        }

        _deadline = deadline;
        if (_options.CancellationToken.CanBeCanceled)
        {
            _callerRegistration = _options.CancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(ByCaller), this);
        }

        if (parent is not null && parent.CancellationToken.CanBeCanceled)
        {
            _parentRegistration = parent.CancellationToken.UnsafeRegister(
                static state =>
                {
                    var call = (GrpcCall<TRequest, TResponse>)state!;
                    call.Cancel(call._channel.Options.TimeProvider.GetUtcNow().UtcDateTime >= call._deadline ? ByDeadline : ByCaller);
                },
                this);
        }

        if (deadline != DateTime.MaxValue)
        {
            var remaining = deadline - now;
            if (remaining <= TimeSpan.Zero)
            {
                Cancel(ByDeadline);
                return;
            }

            if (remaining < TimeSpan.FromDays(40))
            {
                _deadlineTimer = timeProvider.CreateTimer(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(ByDeadline), this, remaining, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Cancel(int reason)
    {
        if (Volatile.Read(ref _finished) != 0 || Interlocked.CompareExchange(ref _cancelReason, reason, NotCancelled) != NotCancelled)
        {
            return;
        }

        try
        {
            _cancellation.Cancel();
        }
        catch (AggregateException)
        {
            // Callbacks of the token belong to the HTTP stack; their failures do not change the outcome.
        }

        (_content as StreamingRequestContent)?.Abort(new RpcException(CancelStatus()));

        // Disposing the response resets the stream even when no read is pending, so the server stops at once.
        Volatile.Read(ref _response)?.Dispose();
    }

    private Status CancelStatus() => Volatile.Read(ref _cancelReason) switch
    {
        ByDeadline => DeadlineStatus,
        ByCaller => CallerCancelledStatus,
        _ => DisposedStatus,
    };

    private HttpRequestMessage CreateRequest(HttpContent content, Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", GrpcProtocol.UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, CompressionProviders.AcceptEncoding);
        if (_requestCompression is not null)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, _requestCompression.EncodingName);
        }

        if (_deadline != DateTime.MaxValue)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(_deadline - _channel.Options.TimeProvider.GetUtcNow().UtcDateTime));
        }

        if (_host is not null)
        {
            headers.Host = _host;
        }

        if (_options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                if (!MetadataCodec.IsReserved(entry.Key))
                {
                    headers.TryAddWithoutValidation(entry.Key, MetadataCodec.ToHeaderValue(entry));
                }
            }
        }

        return request;
    }

    private void Cleanup()
    {
        _deadlineTimer?.Dispose();
        _callerRegistration.Dispose();
        _parentRegistration.Dispose();
        if (Volatile.Read(ref _finished) != 0 || Volatile.Read(ref _cancelReason) != NotCancelled)
        {
            Interlocked.Exchange(ref _response, null)?.Dispose();
            Interlocked.Exchange(ref _content, null)?.Dispose();
        }
    }
}
