using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Ego.Grpc.Compression;

namespace Ego.Grpc.Internal;

/// <summary>Reads length-prefixed messages from a pipe, checking size limits before buffering a message.</summary>
internal static class MessageReader
{
    /// <summary>
    /// Reads the next message; (false, default) at a clean end of stream. <paramref name="encoding"/> is the
    /// peer's <c>grpc-encoding</c>, null or identity when none was declared.
    /// </summary>
    /// <exception cref="RpcException">INTERNAL for truncated or malformed frames, RESOURCE_EXHAUSTED for oversized ones.</exception>
    public static async ValueTask<(bool HasMessage, T? Message)> ReadAsync<T>(PipeReader reader, Func<ReadOnlySequence<byte>, T> deserializer, string? encoding, int maxSize, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            bool complete;
            bool compressed;
            ReadOnlySequence<byte> payload;
            try
            {
                complete = TryReadFrame(ref buffer, maxSize, out compressed, out payload);
            }
            catch
            {
                reader.AdvanceTo(buffer.End);
                throw;
            }

            if (complete)
            {
                try
                {
                    return (true, Deserialize(payload, compressed, deserializer, encoding, maxSize));
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start);
                }
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var remaining = buffer.Length;
                reader.AdvanceTo(buffer.End);
                if (remaining == 0 && result.IsCompleted)
                {
                    return (false, default);
                }

                throw result.IsCanceled
                    ? new RpcException(new Status(StatusCode.Cancelled, "reading the message stream was cancelled"))
                    : Incomplete(remaining);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>
    /// Parses a whole request body that must hold exactly one message, with the errors a read of the stream would
    /// give: none, a truncated frame, or more than one.
    /// </summary>
    /// <exception cref="RpcException">INTERNAL or RESOURCE_EXHAUSTED, as <see cref="ReadAsync"/>.</exception>
    public static T ReadSingle<T>(ReadOnlySequence<byte> body, Func<ReadOnlySequence<byte>, T> deserializer, string? encoding, int maxSize)
    {
        var rest = body;
        if (!TryReadFrame(ref rest, maxSize, out var compressed, out var payload))
        {
            throw body.Length == 0 ? NoMessage() : Incomplete(body.Length);
        }

        var message = Deserialize(payload, compressed, deserializer, encoding, maxSize);
        if (rest.Length > 0)
        {
            var extra = rest;
            throw TryReadFrame(ref extra, maxSize, out _, out _) ? MoreThanOne() : Incomplete(rest.Length);
        }

        return message;
    }

    /// <summary>Takes one complete frame from the front of <paramref name="buffer"/>; false if more bytes are needed.</summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(new Status(StatusCode.Internal, $"invalid message frame: compressed flag is {header[0]}, expected 0 or 1")),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"received message larger than max ({length} vs. {maxSize})"));
        }

        if (buffer.Length - GrpcProtocol.HeaderSize < length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    private static T Deserialize<T>(ReadOnlySequence<byte> payload, bool compressed, Func<ReadOnlySequence<byte>, T> deserializer, string? encoding, int maxSize)
    {
        if (!compressed)
        {
            return Parse(payload, deserializer);
        }

        if (string.IsNullOrEmpty(encoding) || encoding == GrpcProtocol.Identity)
        {
            throw new RpcException(new Status(StatusCode.Internal, "compressed flag set on a message but no grpc-encoding was declared"));
        }

        var provider = CompressionProviders.Find(encoding)
            ?? throw new RpcException(new Status(StatusCode.Internal, $"message compressed with unsupported encoding '{encoding}'"));
        using var decompressed = Decompress(provider, payload, maxSize);
        return Parse(new ReadOnlySequence<byte>(decompressed.WrittenMemory), deserializer);
    }

    private static PooledBufferWriter Decompress(ICompressionProvider provider, ReadOnlySequence<byte> payload, int maxSize)
    {
        var input = ArrayPool<byte>.Shared.Rent((int)payload.Length);
        var output = new PooledBufferWriter((int)Math.Min(Math.Max(payload.Length * 4, 256), maxSize + 1L));
        try
        {
            payload.CopyTo(input);
            using var source = new MemoryStream(input, 0, (int)payload.Length, writable: false);
            using var stream = provider.CreateDecompressionStream(source);
            while (true)
            {
                var span = output.GetSpan(4096);
                var read = stream.Read(span);
                if (read == 0)
                {
                    break;
                }

                output.Advance(read);
                if (output.WrittenCount > maxSize)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted, $"received message after decompression larger than max ({output.WrittenCount}+ vs. {maxSize})"));
                }
            }

            return output;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            output.Dispose();
            throw new RpcException(new Status(StatusCode.Internal, $"failed to decompress message with '{provider.EncodingName}': {exception.Message}"));
        }
        catch
        {
            output.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    /// <summary>A unary or server-streaming request stream that ended before its one message.</summary>
    public static RpcException NoMessage()
        => new(new Status(StatusCode.Internal, "the request stream ended without a message; this method expects exactly one"));

    /// <summary>A unary or server-streaming request stream with a message after its one message.</summary>
    public static RpcException MoreThanOne()
        => new(new Status(StatusCode.Internal, "more than one request message for a method that expects exactly one"));

    private static RpcException Incomplete(long remaining)
        => new(new Status(StatusCode.Internal, $"incomplete message: the stream ended with {remaining} byte(s) of a message frame"));

    private static T Parse<T>(ReadOnlySequence<byte> payload, Func<ReadOnlySequence<byte>, T> deserializer)
    {
        try
        {
            return deserializer(payload);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"failed to deserialize message: {exception.Message}", exception));
        }
    }
}
