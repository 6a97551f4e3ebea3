using System.Buffers;

namespace Ego.Logging.Internal;

/// <summary>One encoded line waiting in the async queue; <see cref="Buffer"/> is rented from the shared pool.</summary>
internal readonly record struct LogEntry(byte[] Buffer, int Length, int Target)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}
