using Ego.Resilience.Client.Internal;

namespace Ego.Resilience.CircuitBreaking.Internal;

/// <summary>
/// Counts of accepted and total outcomes over the last window, in buckets reused round-robin and kept in flat arrays
/// so a sum reads contiguous memory. Adding is an <see cref="Interlocked"/> increment; a bucket is cleared under a
/// lock only when its slot starts a new period (once per bucket length).
/// </summary>
internal sealed class RollingWindow
{
    private readonly long[] periods;
    private readonly long[] accepted;
    private readonly long[] totals;
    private readonly long bucketTicks;
    private readonly CoarseClock clock;
    private readonly Lock restart = new();

    public RollingWindow(TimeSpan window, int bucketCount, TimeProvider time)
    {
        clock = new CoarseClock(time);
        periods = new long[bucketCount];
        Array.Fill(periods, -1);
        accepted = new long[bucketCount];
        totals = new long[bucketCount];
        bucketTicks = Math.Max(1, clock.Ticks(window) / bucketCount);
    }

    public void Add(bool success)
    {
        var period = clock.Now() / bucketTicks;
        var slot = (int)(period % periods.Length);
        if (Volatile.Read(ref periods[slot]) != period)
        {
            Restart(slot, period);
        }

        Interlocked.Increment(ref totals[slot]);
        if (success)
        {
            Interlocked.Increment(ref accepted[slot]);
        }
    }

    /// <summary>Accepted and total outcomes of the buckets still inside the window.</summary>
    public (long Accepted, long Total) Sum()
    {
        var now = clock.Now() / bucketTicks;
        long accepts = 0, total = 0;
        for (var slot = 0; slot < periods.Length; slot++)
        {
            var period = Volatile.Read(ref periods[slot]);
            if (period <= now && now - period < periods.Length)
            {
                accepts += Volatile.Read(ref accepted[slot]);
                total += Volatile.Read(ref totals[slot]);
            }
        }

        return (accepts, total);
    }

    private void Restart(int slot, long period)
    {
        lock (restart)
        {
            if (periods[slot] >= period)
            {
                return;
            }

            // Counts are cleared before the period is published, so readers never add a stale bucket to the window.
            Volatile.Write(ref periods[slot], -1);
            Interlocked.Exchange(ref accepted[slot], 0);
            Interlocked.Exchange(ref totals[slot], 0);
            Volatile.Write(ref periods[slot], period);
        }
    }
}
