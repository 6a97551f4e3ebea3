using System.Buffers;
using System.Text;
using Google.Protobuf;

namespace Ego.Grpc;

/// <summary>Factories for <see cref="Marshaller{T}"/>.</summary>
public static class Marshallers
{
    /// <summary>A marshaller of UTF-8 strings.</summary>
    public static Marshaller<string> StringMarshaller { get; } = new(
        (value, writer) => Encoding.UTF8.GetBytes(value, writer),
        payload => Encoding.UTF8.GetString(payload),
        value => Encoding.UTF8.GetByteCount(value));

    public static Marshaller<T> Create<T>(Action<T, IBufferWriter<byte>> serializer, Func<ReadOnlySequence<byte>, T> deserializer)
        => new(serializer, deserializer);

    /// <summary>A marshaller over byte arrays, for messages that already know how to turn into bytes.</summary>
    public static Marshaller<T> Create<T>(Func<T, byte[]> serializer, Func<byte[], T> deserializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(deserializer);
        return new Marshaller<T>((value, writer) => writer.Write(serializer(value)), payload => deserializer(payload.ToArray()));
    }

    /// <summary>A marshaller of protobuf messages using the buffer APIs of Google.Protobuf.</summary>
    public static Marshaller<T> ForProtobuf<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(parser);
        return new Marshaller<T>(
            (message, writer) => message.WriteTo(writer),
            payload => parser.ParseFrom(payload),
            message => message.CalculateSize());
    }
}
