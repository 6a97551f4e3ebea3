using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Ego.Grpc.Internal;

namespace Ego.Grpc.Tests;

public sealed class MessageWriterTests
{
    private static readonly Func<ReadOnlySequence<byte>, string> Decode = bytes => Encoding.UTF8.GetString(bytes.ToArray());

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(4091)]
    [InlineData(4092)]
    [InlineData(100_000)]
    public void Write_MessageWithSizeHint_FramesExactlyTheMessage(int length)
    {
        var text = new string('x', length);
        var marshaller = new Marshaller<string>((value, output) => output.Write(Encoding.UTF8.GetBytes(value)), Decode, value => value.Length);
        using var output = new PooledBufferWriter();

        MessageWriter.Write(output, text, marshaller, compression: null, maxSize: int.MaxValue);

        var frame = output.WrittenSpan;
        Assert.Equal(5 + length, frame.Length);
        Assert.Equal(0, frame[0]);
        Assert.Equal((uint)length, BinaryPrimitives.ReadUInt32BigEndian(frame[1..5]));
        Assert.Equal(text, Encoding.UTF8.GetString(frame[5..]));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void Write_SerializerDisagreesWithItsSizeHint_ThrowsAndWritesNothing(int declared)
    {
        var marshaller = new Marshaller<string>((value, output) => output.Write(Encoding.UTF8.GetBytes(value)), Decode, _ => declared);
        using var output = new PooledBufferWriter();

        var error = Assert.Throws<InvalidOperationException>(() => MessageWriter.Write(output, "hello", marshaller, compression: null, maxSize: int.MaxValue));

        Assert.Contains("size", error.Message);
        Assert.Equal(0, output.WrittenCount);
    }
}
