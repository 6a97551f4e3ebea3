using System.Diagnostics;

namespace Ego.Bench.Shared;

/// <summary>
/// A fixed amount of computation standing in for what a handler computes: a number of iterations calibrated once,
/// not a wall-clock wait, so calls sharing a core each pay for their whole share and more threads make no capacity.
/// </summary>
internal sealed class CpuWork
{
    private static readonly Lazy<double> IterationsPerSecond = new(Calibrate);

    // Where results go, so the JIT cannot drop the computation.
    private static ulong _sink;

    private readonly long _iterations;

    /// <summary>Work taking <paramref name="duration"/> of CPU; calibrates on first use.</summary>
    public CpuWork(TimeSpan duration)
    {
        _iterations = duration > TimeSpan.Zero ? (long)(duration.TotalSeconds * IterationsPerSecond.Value) : 0;
    }

    public bool IsNone => _iterations == 0;

    /// <summary>The iterations of one run: two processes compared with each other should show the same figure.</summary>
    public long Iterations => _iterations;

    public void Run() => Volatile.Write(ref _sink, Compute(_iterations));

    private static ulong Compute(long iterations)
    {
        var x = 0x9E3779B97F4A7C15UL;
        for (var i = 0L; i < iterations; i++)
        {
            x = (x * 6364136223846793005UL) + 1442695040888963407UL;
            x ^= x >> 29;
        }

        return x;
    }

    // The fastest of many short runs: a run the scheduler interrupted (another process calibrating on the same core,
    // the compiler thread) only reads slower, and a short run is likely to have one uninterrupted time slice.
    private static double Calibrate()
    {
        const int Iterations = 250_000;
        Compute(Iterations);
        var best = double.MaxValue;
        for (var i = 0; i < 40; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Compute(Iterations);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return Iterations / best;
    }
}
