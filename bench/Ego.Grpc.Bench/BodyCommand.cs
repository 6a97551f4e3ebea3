using Ego.Grpc.Bench.V1;
using Google.Protobuf;

namespace Ego.Grpc.Bench;

/// <summary>
/// <c>body --out=file (--size=N | --count=N --stream-size=N)</c>: writes one gRPC request message (5-byte prefix and
/// the serialized Payload or StreamRequest), the body h2load posts.
/// </summary>
internal static class BodyCommand
{
    public static int Run(BenchFlags flags)
    {
        var path = flags.Get("out", "");
        if (path.Length == 0)
        {
            throw new ArgumentException("--out is missing: expected the file to write, e.g. --out=unary-16.bin");
        }

        var count = flags.GetInt("count", -1);
        IMessage message = count >= 0
            ? new StreamRequest { Count = count, Size = flags.GetInt("stream-size", 1024, 0, EchoService.MaxStreamSize) }
            : new Payload { Body = ByteString.CopyFrom(new byte[flags.GetInt("size", 16, 0, EchoService.MaxStreamSize)]) };
        File.WriteAllBytes(path, Frame(message));
        return 0;
    }

    /// <summary>The message with gRPC's length prefix (uncompressed flag, big-endian length).</summary>
    public static byte[] Frame(IMessage message)
    {
        var size = message.CalculateSize();
        var frame = new byte[5 + size];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)size);
        message.WriteTo(frame.AsSpan(5));
        return frame;
    }
}
