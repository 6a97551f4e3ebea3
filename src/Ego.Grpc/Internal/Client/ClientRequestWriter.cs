namespace Ego.Grpc.Internal.Client;

/// <summary>The request stream of a client- or duplex-streaming call: one write at a time, then <see cref="CompleteAsync"/>.</summary>
internal sealed class ClientRequestWriter<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call, StreamingRequestContent content) : IClientStreamWriter<TRequest>
    where TRequest : class
    where TResponse : class
{
    private Task _lastWrite = Task.CompletedTask;
    private bool _completed;

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            throw new InvalidOperationException("Request stream has already been completed.");
        }

        if (!_lastWrite.IsCompleted)
        {
            throw new InvalidOperationException("A write is already in progress: await WriteAsync before writing again.");
        }

        return _lastWrite = call.WriteAsync(content, message, WriteOptions, cancellationToken);
    }

    public Task CompleteAsync()
    {
        _completed = true;
        content.Complete();
        return Task.CompletedTask;
    }
}
