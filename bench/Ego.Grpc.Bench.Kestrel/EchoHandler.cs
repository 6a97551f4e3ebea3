using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Ego.Grpc.Bench.Kestrel;

/// <summary>
/// Writes what a gRPC Echo server writes: Unary echoes the request message (the same bytes as the serialized
/// response), Stream sends <c>count</c> canned frames of a Payload of <c>size</c> zero bytes, one flush each.
/// </summary>
internal static class EchoHandler
{
    private const string UnaryPath = "/ego.bench.v1.Echo/Unary";
    private const string StreamPath = "/ego.bench.v1.Echo/Stream";
    private const int MaxStreamSize = 4 * 1024 * 1024;

    private static readonly ConcurrentDictionary<int, byte[]> Frames = new();

    /// <summary>
    /// Not async when the whole request is already in (the usual case): Unary then writes its answer and returns, and
    /// Kestrel sends headers, data and trailers together when the delegate completes.
    /// </summary>
    public static Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not (UnaryPath or StreamPath))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var reader = context.Request.BodyReader;
        if (reader.TryRead(out var result))
        {
            if (result.IsCompleted && path == UnaryPath)
            {
                WriteUnary(context, result.Buffer);
                reader.AdvanceTo(result.Buffer.End);
                return Task.CompletedTask;
            }

            reader.AdvanceTo(result.Buffer.Start);
        }

        return HandleSlowAsync(context, path);
    }

    private static async Task HandleSlowAsync(HttpContext context, string path)
    {
        var reader = context.Request.BodyReader;
        var result = await reader.ReadAsync(context.RequestAborted);
        while (!result.IsCompleted)
        {
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result = await reader.ReadAsync(context.RequestAborted);
        }

        if (path == UnaryPath)
        {
            WriteUnary(context, result.Buffer);
            reader.AdvanceTo(result.Buffer.End);
            return;
        }

        context.Response.ContentType = "application/grpc";
        var writer = context.Response.BodyWriter;
        var (count, size) = ReadStreamRequest(result.Buffer);
        reader.AdvanceTo(result.Buffer.End);
        if (count < 0 || size is < 0 or > MaxStreamSize)
        {
            context.Response.AppendTrailer("grpc-status", "3");
            return;
        }

        var frame = Frames.GetOrAdd(size, CreateFrame);
        for (var i = 0; i < count; i++)
        {
            await writer.WriteAsync(frame, context.RequestAborted);
        }

        context.Response.AppendTrailer("grpc-status", "0");
    }

    /// <summary>Echoes the request message, which is the serialized response, with the status in trailers.</summary>
    private static void WriteUnary(HttpContext context, ReadOnlySequence<byte> request)
    {
        context.Response.ContentType = "application/grpc";
        var writer = context.Response.BodyWriter;
        foreach (var segment in request)
        {
            writer.Write(segment.Span);
        }

        context.Response.AppendTrailer("grpc-status", "0");
    }

    private static (int Count, int Size) ReadStreamRequest(ReadOnlySequence<byte> body)
    {
        var input = new CodedInputStream(body.Slice(Math.Min(5, body.Length)).ToArray());
        var (count, size) = (0, 0);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case 8:
                    count = input.ReadInt32();
                    break;
                case 16:
                    size = input.ReadInt32();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (count, size);
    }

    private static byte[] CreateFrame(int size)
    {
        // Payload { bytes body = 1 }: tag 0x0A, length varint, bytes; an empty body is an empty message.
        var message = size == 0 ? [] : new byte[1 + CodedOutputStream.ComputeLengthSize(size) + size];
        if (size > 0)
        {
            var output = new CodedOutputStream(message);
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteLength(size);
            output.Flush();
        }

        var frame = new byte[5 + message.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }
}
