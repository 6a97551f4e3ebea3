namespace Ego.Grpc.Internal.Server;

/// <summary>The response stream of a server- or duplex-streaming handler: one write at a time, each flushed unless <see cref="WriteFlags.BufferHint"/>.</summary>
internal sealed class ServerResponseWriter<T>(HttpServerCallContext call, Marshaller<T> marshaller) : IServerStreamWriter<T>
{
    private Task _lastWrite = Task.CompletedTask;

    public WriteOptions? WriteOptions
    {
        get => call.WriteOptions;
        set => call.WriteOptions = value;
    }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_lastWrite.IsCompleted)
        {
            throw new InvalidOperationException("A write is already in progress: await WriteAsync before writing again.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        call.CallCancellationToken.ThrowIfCancellationRequested();
        // BufferHint lets several messages share one flush; the end of the call flushes the rest.
        var flush = ((call.WriteOptions?.Flags ?? default) & WriteFlags.BufferHint) == 0;
        var write = call.WriteMessageAsync(message, marshaller, null, flush);
        _lastWrite = write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
        return _lastWrite;
    }
}
