using System.Runtime.CompilerServices;

namespace Ego.Grpc;

/// <summary>A unary call in flight; await it for the response.</summary>
public sealed class AsyncUnaryCall<TResponse> : IDisposable
{
    private readonly Func<object, Status> _getStatus;
    private readonly Func<object, Metadata> _getTrailers;
    private readonly Action<object> _dispose;
    private readonly object _state;

    public AsyncUnaryCall(Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
        : this(responseAsync, responseHeadersAsync, static s => ((Func<Status>)((object[])s)[0])(), static s => ((Func<Metadata>)((object[])s)[1])(), static s => ((Action)((object[])s)[2])(), new object[] { getStatusFunc, getTrailersFunc, disposeAction })
    {
    }

    /// <summary>A call whose functions take a state object, so a runtime can pass static delegates and avoid allocating per call.</summary>
    public AsyncUnaryCall(Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<object, Status> getStatusFunc, Func<object, Metadata> getTrailersFunc, Action<object> disposeAction, object state)
    {
        ResponseAsync = responseAsync;
        ResponseHeadersAsync = responseHeadersAsync;
        _getStatus = getStatusFunc;
        _getTrailers = getTrailersFunc;
        _dispose = disposeAction;
        _state = state;
    }

    /// <summary>The response; faults with <see cref="RpcException"/> when the call fails.</summary>
    public Task<TResponse> ResponseAsync { get; }

    public Task<Metadata> ResponseHeadersAsync { get; }

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public ConfiguredTaskAwaitable<TResponse> ConfigureAwait(bool continueOnCapturedContext) => ResponseAsync.ConfigureAwait(continueOnCapturedContext);

    /// <summary>The final status; throws <see cref="InvalidOperationException"/> before the call ends.</summary>
    public Status GetStatus() => _getStatus(_state);

    /// <summary>The trailers; throws <see cref="InvalidOperationException"/> before the call ends.</summary>
    public Metadata GetTrailers() => _getTrailers(_state);

    /// <summary>Cancels the call if unfinished and frees its resources.</summary>
    public void Dispose() => _dispose(_state);
}
