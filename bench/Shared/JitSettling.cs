using System.Runtime;

namespace Ego.Bench.Shared;

/// <summary>
/// Waits, while load keeps running, until tiered compilation has (almost) stopped: on a busy core the compiler thread
/// keeps recompiling hot methods for tens of seconds, and a process measured before that is measured on code that is
/// partly unoptimised. The process with more code on its hot path has more to recompile, so an unsettled comparison
/// charges its own warm-up to the feature being measured.
/// </summary>
internal static class JitSettling
{
    /// <summary>Fewer new methods than this in one interval counts as quiet.</summary>
    private const int QuietMethods = 10;

    /// <summary>
    /// Prints <c>jit: N</c> (methods compiled so far) once a second until <paramref name="cancellationToken"/> fires, so a
    /// script driving the process can wait until the count stops growing (settle_jit in bench/common.sh).
    /// </summary>
    public static async Task ReportAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Console.WriteLine($"jit: {JitInfo.GetCompiledMethodCount()}");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// Returns once two intervals in a row compiled fewer than <see cref="QuietMethods"/> methods, or after
    /// <paramref name="limit"/>; the figures say which.
    /// </summary>
    public static async Task<(TimeSpan Waited, long Methods, bool Settled)> WaitAsync(TimeSpan interval, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        var before = JitInfo.GetCompiledMethodCount();
        var quiet = 0;
        while (quiet < 2 && TimeProvider.System.GetElapsedTime(started) < limit)
        {
            await Task.Delay(interval, cancellationToken);
            var after = JitInfo.GetCompiledMethodCount();
            quiet = after - before < QuietMethods ? quiet + 1 : 0;
            before = after;
        }

        return (TimeProvider.System.GetElapsedTime(started), before, quiet >= 2);
    }
}
