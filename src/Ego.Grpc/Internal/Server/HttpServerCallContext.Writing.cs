using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Ego.Grpc.Internal.Server;

internal sealed partial class HttpServerCallContext
{
    public override Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (_deadlineLock is null)
        {
            return WriteResponseHeadersCore(responseHeaders);
        }

        lock (_deadlineLock)
        {
            return WriteResponseHeadersCore(responseHeaders);
        }
    }

    /// <summary>Frames a response message into the body; flushes when <paramref name="flush"/> (streaming), not for unary.</summary>
    public ValueTask WriteMessageAsync<T>(T message, Marshaller<T> marshaller, WriteOptions? options, bool flush)
    {
        if (_deadlineLock is null)
        {
            return WriteMessageCore(message, marshaller, options, flush);
        }

        // The lock keeps a deadline that completes the call from writing into the pipe at the same time.
        lock (_deadlineLock)
        {
            return WriteMessageCore(message, marshaller, options, flush);
        }
    }

    private Task WriteResponseHeadersCore(Metadata responseHeaders)
    {
        ThrowIfCompleting();
        if (ResponseStarted)
        {
            throw new InvalidOperationException("Response headers can only be sent once per call, before the first message.");
        }

        foreach (var entry in responseHeaders)
        {
            if (!MetadataCodec.IsReserved(entry.Key))
            {
                _http.Response.Headers.Append(entry.Key, MetadataCodec.ToHeaderValue(entry));
            }
        }

        PrepareHeaders();
        return TrackFlush(_http.Response.BodyWriter.FlushAsync(CallCancellationToken)).AsTask();
    }

    private ValueTask WriteMessageCore<T>(T message, Marshaller<T> marshaller, WriteOptions? options, bool flush)
    {
        ThrowIfCompleting();
        PrepareHeaders();
        var compression = (options ?? WriteOptions)?.Flags.HasFlag(WriteFlags.NoCompress) == true ? null : ResponseCompression;
        var writer = _http.Response.BodyWriter;
        MessageWriter.Write(writer, message, marshaller, compression, _runtime.MaxSendMessageSize);
        _messageWritten = true;
        return flush ? TrackFlush(writer.FlushAsync(CallCancellationToken)) : ValueTask.CompletedTask;
    }

    private ValueTask TrackFlush(ValueTask<FlushResult> flush)
    {
        if (flush.IsCompletedSuccessfully)
        {
            return ValueTask.CompletedTask;
        }

        var pending = flush.AsTask();
        _pendingFlush = pending;
        return new ValueTask(pending);
    }

    private void ThrowIfCompleting()
    {
        if (_completing)
        {
            throw new InvalidOperationException("The call is complete: nothing more can be written.");
        }
    }

    private void PrepareHeaders()
    {
        if (_headersSent)
        {
            return;
        }

        _headersSent = true;
        if (ResponseCompression is { } compression)
        {
            _http.Response.Headers[GrpcProtocol.EncodingHeader] = compression.EncodingName;
        }
    }
}
