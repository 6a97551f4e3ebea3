using Ego.Resilience.LoadShedding.Internal;
using Ego.Resilience.Tests.Support;

namespace Ego.Resilience.Tests.LoadShedding;

public sealed class RollingWindowTests
{
    private readonly SteppingTimeProvider clock = new();

    // 10 buckets of 100 ms.
    private RollingWindow Create() => new(buckets: 10, TimeSpan.FromMilliseconds(100), clock);

    [Fact]
    public void Add_FromManyThreadsWithinOneBucket_KeepsEveryEntry()
    {
        const int Threads = 4;
        const int PerThread = 500_000;
        var window = Create();
        var timestamp = clock.GetTimestamp();

        // Adds inside the bucket being filled take no lock: none may be lost to a concurrent one.
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                window.Add(3, timestamp);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(Threads * PerThread, window.Figures(1, 1000).MaxCount);
        Assert.Equal(3, window.Figures(0, 1000).MinMean);
    }

    [Fact]
    public void Add_AcrossBuckets_EachBucketKeepsItsOwnEntriesAndTheFillingOneIsNotRead()
    {
        var window = Create();
        window.Add(10, clock.GetTimestamp());
        clock.Advance(TimeSpan.FromMilliseconds(100));
        window.Add(4, clock.GetTimestamp());
        window.Add(6, clock.GetTimestamp());

        // The second bucket is still filling: only the first is read.
        Assert.Equal(1, window.Figures(0, 1000).MaxCount);
        Assert.Equal(10, window.Figures(0, 1000).MinMean);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, window.Figures(0, 1000).MaxCount);
        Assert.Equal(5, window.Figures(0, 1000).MinMean);

        // A second later than the window, everything is forgotten.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, window.Figures(0, 1000).MaxCount);
        Assert.Equal(1000, window.Figures(0, 1000).MinMean);
    }

    [Fact]
    public void MinMean_AllMeansOverTheCeiling_IsTheCeiling()
    {
        var window = Create();
        window.Add(1500, clock.GetTimestamp());
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(1000, window.Figures(0, 1000).MinMean);
        Assert.Equal(1500, window.Figures(0, 2000).MinMean);
    }

    [Fact]
    public void MaxCount_ReadBeforeAndAfterTimeMovesOn_FollowsTheNewlyFinishedBucket()
    {
        var window = Create();
        window.Add(1, clock.GetTimestamp());
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, window.Figures(0, 1000).MaxCount);

        // Read while the second bucket fills, then again once it is finished: the first answer is not kept.
        for (var i = 0; i < 3; i++)
        {
            window.Add(1, clock.GetTimestamp());
            Assert.Equal(1, window.Figures(0, 1000).MaxCount);
        }

        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(3, window.Figures(0, 1000).MaxCount);
    }
}
