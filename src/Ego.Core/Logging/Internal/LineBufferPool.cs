using System.Buffers;

namespace Ego.Logging.Internal;

/// <summary>
/// The arrays that carry formatted lines through a sink's async queue, kept for reuse up to the queue's size. The
/// shared array pool keeps a few dozen arrays of a size, while a busy server has hundreds of lines in the queue between
/// two writes: from the shared pool most lines would get a new array, about 500 bytes of garbage each.
/// </summary>
internal sealed class LineBufferPool(int capacity)
{
    /// <summary>The size of the arrays kept; a longer line grows into an array of the shared pool, returned there.</summary>
    public const int LineSize = 512;

    private readonly Lock gate = new();
    private readonly Stack<byte[]> free = new();

    public byte[] Rent()
    {
        lock (gate)
        {
            if (free.TryPop(out var buffer))
            {
                return buffer;
            }
        }

        return GC.AllocateUninitializedArray<byte>(LineSize);
    }

    public void Return(byte[] buffer)
    {
        if (buffer.Length != LineSize)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return;
        }

        lock (gate)
        {
            if (free.Count < capacity)
            {
                free.Push(buffer);
            }
        }
    }

    /// <summary>Arrays kept for reuse (for tests).</summary>
    internal int Count
    {
        get
        {
            lock (gate)
            {
                return free.Count;
            }
        }
    }
}
