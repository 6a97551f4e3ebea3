using System.Net;

namespace Ego.Grpc.Internal.Client;

/// <summary>The body of a client- or duplex-streaming call: hands the request stream to the writer and stays open until the writer completes.</summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent()
    {
        Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
    }

    /// <summary>Completes with the request stream once the request is sent.</summary>
    public Task<Stream> RequestStream => _stream.Task;

    /// <summary>Ends the request body (half-close).</summary>
    public void Complete() => _complete.TrySetResult();

    /// <summary>Fails a writer still waiting for the stream, when the call ended before the request was sent.</summary>
    public void Abort(Exception exception)
    {
        _stream.TrySetException(exception);
        _complete.TrySetResult();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _complete.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
