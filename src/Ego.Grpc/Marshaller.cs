using System.Buffers;

namespace Ego.Grpc;

/// <summary>Turns messages into bytes and back, writing to and reading from buffers without intermediate arrays.</summary>
public sealed class Marshaller<T>
{
    /// <param name="serializer">Writes the message to the buffer writer.</param>
    /// <param name="deserializer">Reads a message from the complete payload.</param>
    /// <param name="sizeHint">The exact serialized size, when cheap to know; lets the runtime serialize straight into the output buffer.</param>
    public Marshaller(Action<T, IBufferWriter<byte>> serializer, Func<ReadOnlySequence<byte>, T> deserializer, Func<T, int>? sizeHint = null)
    {
        Serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        Deserializer = deserializer ?? throw new ArgumentNullException(nameof(deserializer));
        SizeHint = sizeHint;
    }

    public Action<T, IBufferWriter<byte>> Serializer { get; }

    public Func<ReadOnlySequence<byte>, T> Deserializer { get; }

    /// <summary>The exact serialized size of a message, or null when unknown.</summary>
    public Func<T, int>? SizeHint { get; }
}
