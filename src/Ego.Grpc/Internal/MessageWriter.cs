using System.Buffers;
using System.Buffers.Binary;
using Ego.Grpc.Compression;

namespace Ego.Grpc.Internal;

/// <summary>Writes length-prefixed messages, serializing straight into the output when the size is known up front.</summary>
internal static class MessageWriter
{
    // Messages up to this size (with their 5-byte prefix, one 4 KiB block of Kestrel's pipe) go out in one block.
    private const int ContiguousLimit = 4096 - GrpcProtocol.HeaderSize;

    /// <summary>Frames <paramref name="message"/> into <paramref name="output"/>; a null <paramref name="compression"/> sends it uncompressed.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the message exceeds <paramref name="maxSize"/>.</exception>
    public static void Write<T>(IBufferWriter<byte> output, T message, Marshaller<T> marshaller, ICompressionProvider? compression, int maxSize)
    {
        if (compression is null && marshaller.SizeHint is { } sizeHint)
        {
            var size = sizeHint(message);
            CheckSize(size, maxSize);
            if (size <= ContiguousLimit)
            {
                WriteContiguous(output, message, marshaller, size);
                return;
            }

            WriteHeader(output, compressed: false, size);
            if (size > 0)
            {
                marshaller.Serializer(message, output);
            }

            return;
        }

        using var serialized = new PooledBufferWriter();
        marshaller.Serializer(message, serialized);
        CheckSize(serialized.WrittenCount, maxSize);
        // An empty message stays uncompressed: .NET's gzip stream writes nothing for no input, and a
        // compressed flag on an empty body is not valid gzip for the peer (grpc-js rejects it).
        if (compression is null || serialized.WrittenCount == 0)
        {
            WriteHeader(output, compressed: false, serialized.WrittenCount);
            output.Write(serialized.WrittenSpan);
            return;
        }

        using var compressed = new PooledBufferWriter(Math.Max(serialized.WrittenCount / 2, 64));
        using (var stream = compression.CreateCompressionStream(new BufferWriterStream(compressed)))
        {
            stream.Write(serialized.WrittenSpan);
        }

        WriteHeader(output, compressed: true, compressed.WrittenCount);
        output.Write(compressed.WrittenSpan);
    }

    /// <summary>Frames a message into one block of the output: one <c>GetMemory</c> and one <c>Advance</c>.</summary>
    private static void WriteContiguous<T>(IBufferWriter<byte> output, T message, Marshaller<T> marshaller, int size)
    {
        var frame = output.GetMemory(GrpcProtocol.HeaderSize + size);
        var header = frame.Span;
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)size);
        if (size > 0)
        {
            var body = FixedBufferWriter.Rent(frame.Slice(GrpcProtocol.HeaderSize, size));
            try
            {
                marshaller.Serializer(message, body);
                if (body.WrittenCount != size)
                {
                    throw new InvalidOperationException($"The serializer wrote {body.WrittenCount} byte(s) where its size hint declared {size}.");
                }
            }
            finally
            {
                FixedBufferWriter.Return(body);
            }
        }

        output.Advance(GrpcProtocol.HeaderSize + size);
    }

    private static void WriteHeader(IBufferWriter<byte> output, bool compressed, int length)
    {
        var header = output.GetSpan(GrpcProtocol.HeaderSize);
        header[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
        output.Advance(GrpcProtocol.HeaderSize);
    }

    private static void CheckSize(int size, int maxSize)
    {
        if (size > maxSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"trying to send message larger than max ({size} vs. {maxSize})"));
        }
    }
}
