namespace Ego.Grpc;

/// <summary>A server-streaming call in flight.</summary>
public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
{
    private readonly Func<object, Status> _getStatus;
    private readonly Func<object, Metadata> _getTrailers;
    private readonly Action<object> _dispose;
    private readonly object _state;

    public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
        : this(responseStream, responseHeadersAsync, static s => ((Func<Status>)((object[])s)[0])(), static s => ((Func<Metadata>)((object[])s)[1])(), static s => ((Action)((object[])s)[2])(), new object[] { getStatusFunc, getTrailersFunc, disposeAction })
    {
    }

    /// <summary>A call whose functions take a state object, so a runtime can pass static delegates and avoid allocating per call.</summary>
    public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream, Task<Metadata> responseHeadersAsync, Func<object, Status> getStatusFunc, Func<object, Metadata> getTrailersFunc, Action<object> disposeAction, object state)
    {
        ResponseStream = responseStream;
        ResponseHeadersAsync = responseHeadersAsync;
        _getStatus = getStatusFunc;
        _getTrailers = getTrailersFunc;
        _dispose = disposeAction;
        _state = state;
    }

    /// <summary>The responses; <c>MoveNext</c> throws <see cref="RpcException"/> when the call fails.</summary>
    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    public Task<Metadata> ResponseHeadersAsync { get; }

    /// <summary>The final status; throws <see cref="InvalidOperationException"/> before the call ends.</summary>
    public Status GetStatus() => _getStatus(_state);

    /// <summary>The trailers; throws <see cref="InvalidOperationException"/> before the call ends.</summary>
    public Metadata GetTrailers() => _getTrailers(_state);

    /// <summary>Cancels the call if unfinished and frees its resources.</summary>
    public void Dispose() => _dispose(_state);
}
