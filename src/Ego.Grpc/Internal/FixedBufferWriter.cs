using System.Buffers;

namespace Ego.Grpc.Internal;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over one block of memory taken from the real output beforehand, so a serializer
/// that knows its size writes a message with one <c>GetMemory</c>/<c>Advance</c> on the output (each takes a lock in
/// Kestrel's HTTP/2 stream) instead of one per buffer refresh. One instance per thread is reused.
/// </summary>
internal sealed class FixedBufferWriter : IBufferWriter<byte>
{
    [ThreadStatic]
    private static FixedBufferWriter? t_cached;

    private Memory<byte> _memory;
    private int _written;

    public int WrittenCount => _written;

    public static FixedBufferWriter Rent(Memory<byte> memory)
    {
        var writer = t_cached ?? new FixedBufferWriter();
        t_cached = null;
        writer._memory = memory;
        writer._written = 0;
        return writer;
    }

    public static void Return(FixedBufferWriter writer)
    {
        writer._memory = default;
        t_cached = writer;
    }

    public void Advance(int count)
    {
        if ((uint)count > (uint)(_memory.Length - _written))
        {
            throw new InvalidOperationException($"The serializer advanced {count} byte(s) with {_memory.Length - _written} left of the size it declared.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var free = _memory[_written..];
        if (free.Length == 0 || free.Length < sizeHint)
        {
            throw new InvalidOperationException($"The serializer needs more than the {_memory.Length} byte(s) its size hint declared.");
        }

        return free;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
}
