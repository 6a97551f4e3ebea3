using Ego.Logging.Internal;

namespace Ego.Core.Tests.Logging;

public sealed class LineBufferPoolTests
{
    [Fact]
    public void Rent_AfterReturn_GivesTheSameArrayBack()
    {
        var pool = new LineBufferPool(capacity: 4);
        var line = pool.Rent();

        pool.Return(line);

        Assert.Same(line, pool.Rent());
    }

    [Fact]
    public void Return_MoreThanTheCapacity_KeepsOnlyTheCapacity()
    {
        var pool = new LineBufferPool(capacity: 3);
        var lines = Enumerable.Range(0, 10).Select(_ => pool.Rent()).ToList();

        lines.ForEach(pool.Return);

        Assert.Equal(3, pool.Count);
    }

    [Fact]
    public void Return_ArrayOfAnotherSize_IsNotKept()
    {
        var pool = new LineBufferPool(capacity: 4);

        pool.Return(System.Buffers.ArrayPool<byte>.Shared.Rent(LineBufferPool.LineSize * 4));

        Assert.Equal(0, pool.Count);
        Assert.Equal(LineBufferPool.LineSize, pool.Rent().Length);
    }

    [Fact]
    public void RentAndReturn_FromSeveralThreads_EveryArrayHandedToOneRenterAtATime()
    {
        var pool = new LineBufferPool(capacity: 64);
        var held = new System.Collections.Concurrent.ConcurrentDictionary<byte[], bool>(ReferenceEqualityComparer.Instance);
        var clashes = 0;

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                var line = pool.Rent();
                if (!held.TryAdd(line, true))
                {
                    Interlocked.Increment(ref clashes);
                }

                held.TryRemove(line, out var _);
                pool.Return(line);
            }
        });

        Assert.Equal(0, clashes);
        Assert.InRange(pool.Count, 1, 64);
    }
}
