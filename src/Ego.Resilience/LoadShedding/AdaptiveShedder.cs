using Ego.Resilience.LoadShedding.Internal;

namespace Ego.Resilience.LoadShedding;

/// <summary>
/// go-zero's adaptive load shedder. While the CPU is at or over the threshold, or within a second of the last drop, a
/// call is dropped when both the calls in flight and their moving average exceed what the service has shown it can
/// carry: the most calls passed in one bucket times the lowest mean latency (the last 5 s, current bucket ignored),
/// scaled down as the CPU rises towards 100% (to no less than 10%), and never below one call.
/// </summary>
/// <remarks>
/// The count compared is the one the arriving call would make, and the moving average is of the counts arrivals would
/// make (arrivals see the time average of what is in flight). go-zero compares the count before the call and averages
/// the counts left when calls end, so it admits one call more than the capacity it estimated: on a single busy core
/// that is two calls sharing the CPU, each taking twice its time.
/// <para>
/// Under overload the servers admit the newest of the calls waiting (<see cref="TryEnterNewestFirst"/>): calls that
/// arrived while the core was busy reach the server together when it frees up, oldest first, and admitting the first of
/// them would serve a call that has already waited up to one call's time while fresher ones are refused.
/// </para>
/// </remarks>
public sealed class AdaptiveShedder
{
    private const double FlyingBeta = 0.9;
    private const double DefaultMinRtMs = 1000;
    private const double OverloadFactorFloor = 0.1;
    private static readonly TimeSpan CoolOff = TimeSpan.FromSeconds(1);

    private readonly ICpuUsageSource cpu;
    private readonly TimeProvider timeProvider;
    // One window for both figures: each passed call adds its latency, so a bucket's count is its passes (one clock
    // reading per call instead of two).
    private readonly RollingWindow passedCalls;
    private readonly double windowScale;
    private readonly Func<long> backlog;
    private long flying;
    // The moving average's bits, updated by compare-and-swap: every arrival moves it, and arrivals on many cores should
    // not queue on a lock for it.
    private long avgFlyingBits;
    private long dropTimestamp;
    private int droppedRecently;
    private long dropped;
    // The call admitted under overload that has not started yet: a newer arrival that would be dropped takes its place.
    private Standby? standby;

    /// <param name="cpu">Usage in per-mille.</param>
    /// <param name="cpuThreshold">Per-mille from which calls may be dropped (go-zero: 900).</param>
    /// <param name="window">Span of the statistics (go-zero: 5s).</param>
    /// <param name="buckets">Buckets of the window (go-zero: 50).</param>
    /// <param name="timeProvider">The clock of the window and the cool-off; a fake one in tests.</param>
    public AdaptiveShedder(ICpuUsageSource cpu, int cpuThreshold = 900, TimeSpan? window = null, int buckets = 50, TimeProvider? timeProvider = null)
        : this(cpu, cpuThreshold, window, buckets, timeProvider, ThreadPoolBacklog)
    {
    }

    // backlog: the work queued behind an arriving call, among which newer calls may be (the thread pool's).
    internal AdaptiveShedder(ICpuUsageSource cpu, int cpuThreshold, TimeSpan? window, int buckets, TimeProvider? timeProvider, Func<long> backlog)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cpuThreshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cpuThreshold, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 2);
        this.cpu = cpu;
        CpuThreshold = cpuThreshold;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        var bucket = (window ?? TimeSpan.FromSeconds(5)) / buckets;
        passedCalls = new RollingWindow(buckets, bucket, this.timeProvider);
        windowScale = TimeSpan.FromSeconds(1) / bucket / 1000;
        this.backlog = backlog;
    }

    public int CpuThreshold { get; }

    // Servers dispatch each call to the thread pool: what is queued there is what arrived behind the call.
    internal static Func<long> ThreadPoolBacklog { get; } = static () => ThreadPool.PendingWorkItemCount;

    /// <summary>Calls admitted and not yet finished.</summary>
    public long Flying => Interlocked.Read(ref flying);

    /// <summary>Calls dropped since start.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Admits a call or drops it; an admitted call must be ended with <see cref="Exit"/>.</summary>
    /// <param name="start">The admission time, to pass to <see cref="Exit"/>.</param>
    public bool TryEnter(out long start) => Enter(newestFirst: false, out start, out _);

    /// <summary>
    /// Admits a call, drops it, or, under overload while other work is queued behind it, admits it on standby: the call
    /// holds its place until that work has been seen (<see cref="Standby.Settle"/>), and an arrival among it that would
    /// be dropped takes the place instead, the standby call being dropped. Of a burst of calls that waited together,
    /// the newest is served.
    /// </summary>
    /// <param name="start">The admission time, to pass to <see cref="Exit"/>; 0 on standby.</param>
    /// <param name="held">The standby admission to settle before the call starts, or <c>null</c>.</param>
    internal bool TryEnterNewestFirst(out long start, out Standby? held) => Enter(newestFirst: true, out start, out held);

    /// <summary>Ends an admitted call; only successful calls (<paramref name="passed"/>) feed the capacity estimate.</summary>
    public void Exit(long start, bool passed)
    {
        Interlocked.Decrement(ref flying);
        if (passed)
        {
            var end = timeProvider.GetTimestamp();
            passedCalls.Add((long)Math.Ceiling(timeProvider.GetElapsedTime(start, end).TotalMilliseconds), end);
        }
    }

    private bool Enter(bool newestFirst, out long start, out Standby? held)
    {
        held = null;
        var wouldFly = Interlocked.Read(ref flying) + 1;
        if (ShouldDrop(wouldFly, MoveAverage(wouldFly), out var overloaded))
        {
            if (newestFirst && Volatile.Read(ref standby) is { } waiting)
            {
                var next = backlog() > 0 ? new Standby(this) : null;
                if (Interlocked.CompareExchange(ref standby, next, waiting) == waiting)
                {
                    // The waiting call is dropped in favour of this one, which keeps its place in flight.
                    CountDrop();
                    held = next;
                    start = next is null ? timeProvider.GetTimestamp() : 0;
                    return true;
                }
            }

            CountDrop();
            start = 0;
            return false;
        }

        Interlocked.Increment(ref flying);
        if (newestFirst && overloaded && backlog() > 0)
        {
            var next = new Standby(this);
            if (Interlocked.CompareExchange(ref standby, next, null) is null)
            {
                held = next;
                start = 0;
                return true;
            }
        }

        start = timeProvider.GetTimestamp();
        return true;
    }

    /// <summary>The figures behind the decisions, for the governor.</summary>
    public ShedderState State()
    {
        var usage = cpu.Usage;
        var (maxPass, minRt) = passedCalls.Figures(1, DefaultMinRtMs);
        return new ShedderState(usage, CpuThreshold, Flying, AverageFlying(), maxPass, minRt, MaxFlight(usage, maxPass, minRt), IsHot(), Dropped);
    }

    private bool ShouldDrop(long wouldFly, double average, out bool overloaded)
    {
        var usage = cpu.Usage;
        overloaded = usage >= CpuThreshold || IsHot();
        if (!overloaded)
        {
            return false;
        }

        var (maxPass, minRt) = passedCalls.Figures(1, DefaultMinRtMs);
        var maxFlight = MaxFlight(usage, maxPass, minRt);
        return average > maxFlight && wouldFly > maxFlight;
    }

    private void CountDrop()
    {
        // The cool-off counts from the last drop: while calls keep being dropped the shedder stays on, even when the
        // smoothed CPU figure dips under the threshold because dropping freed the CPU.
        Volatile.Write(ref dropTimestamp, timeProvider.GetTimestamp());
        Volatile.Write(ref droppedRecently, 1);
        Interlocked.Increment(ref dropped);
    }

    private double MaxFlight(int usage, long maxPass, double minRt)
    {
        var factor = Math.Clamp((1000.0 - usage) / (1000.0 - CpuThreshold), OverloadFactorFloor, 1);
        // At least one call: on a single busy core the estimate scaled down is a fraction of a call, which would drop
        // even a call that finds nothing in flight and leave the core idle.
        return Math.Max(1, maxPass * minRt * windowScale * factor);
    }

    private bool IsHot()
    {
        if (Volatile.Read(ref droppedRecently) == 0)
        {
            return false;
        }

        var since = Volatile.Read(ref dropTimestamp);
        if (since != 0 && timeProvider.GetElapsedTime(since) < CoolOff)
        {
            return true;
        }

        Volatile.Write(ref droppedRecently, 0);
        return false;
    }

    private double AverageFlying() => BitConverter.Int64BitsToDouble(Interlocked.Read(ref avgFlyingBits));

    private double MoveAverage(long sample)
    {
        var seen = Interlocked.Read(ref avgFlyingBits);
        while (true)
        {
            var moved = BitConverter.Int64BitsToDouble(seen) * FlyingBeta + sample * (1 - FlyingBeta);
            var found = Interlocked.CompareExchange(ref avgFlyingBits, BitConverter.DoubleToInt64Bits(moved), seen);
            if (found == seen)
            {
                return moved;
            }

            seen = found;
        }
    }

    /// <summary>A call admitted under overload that holds its place in flight until it settles.</summary>
    internal sealed class Standby(AdaptiveShedder shedder)
    {
        internal const int MaxPasses = 8;

        /// <summary>
        /// Starts the call if no newer arrival took its place (then <paramref name="start"/> is its admission time, to
        /// pass to <see cref="Exit"/>); otherwise the call was dropped and holds nothing.
        /// </summary>
        public bool Settle(out long start)
        {
            if (Interlocked.CompareExchange(ref shedder.standby, null, this) == this)
            {
                start = shedder.timeProvider.GetTimestamp();
                return true;
            }

            start = 0;
            return false;
        }

        /// <summary>
        /// Settles once the work queued behind the call has run, so that the calls among it have had their turn: the
        /// call goes to the back of the thread pool's queue until the queue is empty or it was overtaken, at most
        /// <see cref="MaxPasses"/> times (a busy server's queue is seldom empty, and calls are read from their
        /// connections a batch at a time).
        /// </summary>
        public async ValueTask<(bool Started, long Start)> SettleAfterBacklogAsync()
        {
            for (var pass = 1; ; pass++)
            {
                // Task.Yield queues to the end of the thread pool's global queue, behind the calls already dispatched.
                await Task.Yield();
                if (pass == MaxPasses || Volatile.Read(ref shedder.standby) != this || shedder.backlog() == 0)
                {
                    return (Settle(out var start), start);
                }
            }
        }
    }
}
