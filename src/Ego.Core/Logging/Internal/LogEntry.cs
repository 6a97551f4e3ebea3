namespace Ego.Logging.Internal;

/// <summary>One encoded line waiting in the async queue; <see cref="Buffer"/> goes back to its sink's <see cref="LineBufferPool"/>.</summary>
internal readonly record struct LogEntry(byte[] Buffer, int Length, int Target)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    public void Release(LineBufferPool pool) => pool.Return(Buffer);
}
