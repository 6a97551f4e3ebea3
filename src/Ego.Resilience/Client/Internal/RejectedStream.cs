using Ego.Grpc;

namespace Ego.Resilience.Client.Internal;

/// <summary>
/// Both ends of a streaming call failed locally: reading, writing and the response fail with the rejection, so the
/// observability interceptors see it end like any failed call.
/// </summary>
internal sealed class RejectedStream<TRequest, TResponse>(RpcException error) : IAsyncStreamReader<TResponse>, IClientStreamWriter<TRequest>
{
    public TResponse Current => throw new InvalidOperationException("the call failed before any message: " + error.Status.Detail);

    public WriteOptions? WriteOptions { get; set; }

    public RpcException Error => error;

    public Task<bool> MoveNext(CancellationToken cancellationToken) => Task.FromException<bool>(error);

    public Task WriteAsync(TRequest message) => Task.FromException(error);

    public Task WriteAsync(TRequest message, CancellationToken cancellationToken) => Task.FromException(error);

    public Task CompleteAsync() => Task.FromException(error);

    public static AsyncServerStreamingCall<TResponse> ServerStreaming(RpcException error)
    {
        var stream = new RejectedStream<TRequest, TResponse>(error);
        return new(stream, Task.FromResult(new Metadata()), static s => ((RejectedStream<TRequest, TResponse>)s).Error.Status,
            static s => ((RejectedStream<TRequest, TResponse>)s).Error.Trailers, static _ => { }, stream);
    }

    public static AsyncClientStreamingCall<TRequest, TResponse> ClientStreaming(RpcException error)
    {
        var stream = new RejectedStream<TRequest, TResponse>(error);
        return new(stream, Task.FromException<TResponse>(error), Task.FromResult(new Metadata()), static s => ((RejectedStream<TRequest, TResponse>)s).Error.Status,
            static s => ((RejectedStream<TRequest, TResponse>)s).Error.Trailers, static _ => { }, stream);
    }

    public static AsyncDuplexStreamingCall<TRequest, TResponse> Duplex(RpcException error)
    {
        var stream = new RejectedStream<TRequest, TResponse>(error);
        return new(stream, stream, Task.FromResult(new Metadata()), static s => ((RejectedStream<TRequest, TResponse>)s).Error.Status,
            static s => ((RejectedStream<TRequest, TResponse>)s).Error.Trailers, static _ => { }, stream);
    }
}
