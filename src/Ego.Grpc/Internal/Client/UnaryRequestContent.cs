using System.Net;

namespace Ego.Grpc.Internal.Client;

/// <summary>The body of a call with a single request: one pre-framed message in a pooled buffer.</summary>
internal sealed class UnaryRequestContent : HttpContent
{
    private const int Idle = 0;
    private const int Writing = 1;
    private const int Disposed = 2;
    private readonly PooledBufferWriter _frame;
    private int _state;

    public UnaryRequestContent(PooledBufferWriter frame)
    {
        _frame = frame;
        Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Writing, Idle) != Idle)
        {
            throw new ObjectDisposedException(nameof(UnaryRequestContent));
        }

        try
        {
            await stream.WriteAsync(_frame.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The buffer goes back to the pool only when no write can still read it.
            if (Interlocked.CompareExchange(ref _state, Idle, Writing) == Disposed)
            {
                _frame.Dispose();
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        // No content-length: gRPC bodies are streams, and some peers reject the header.
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _state, Disposed) == Idle)
        {
            _frame.Dispose();
        }

        base.Dispose(disposing);
    }
}
