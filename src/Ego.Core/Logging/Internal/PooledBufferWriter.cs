using System.Buffers;

namespace Ego.Logging.Internal;

/// <summary>
/// A growable <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>.
/// The filled array can be handed over with <see cref="Detach"/> so queued entries need no copy.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    private const int InitialSize = LineBufferPool.LineSize;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _written;

    public int WrittenCount => _written;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Clear() => _written = 0;

    /// <summary>Drops everything written after <paramref name="length"/> bytes.</summary>
    public void Truncate(int length) => _written = Math.Min(_written, length);

    /// <summary>Appends text as UTF-8.</summary>
    public void WriteUtf8(ReadOnlySpan<char> text)
    {
        var span = GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        Advance(System.Text.Encoding.UTF8.GetBytes(text, span));
    }

    public void WriteByte(byte b)
    {
        GetSpan(1)[0] = b;
        Advance(1);
    }

    /// <summary>Hands the filled array to the caller (who returns it to <paramref name="pool"/>) and starts afresh with an array from it.</summary>
    public LogEntry Detach(int target, LineBufferPool pool)
    {
        var entry = new LogEntry(_buffer, _written, target);
        _buffer = pool.Rent();
        _written = 0;
        return entry;
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
