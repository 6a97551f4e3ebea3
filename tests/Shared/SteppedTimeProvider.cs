namespace Ego.Tests.Shared;

/// <summary>A clock that moves only when the test calls <see cref="Advance"/>; timers fire when their due time is passed.</summary>
internal sealed class SteppedTimeProvider : TimeProvider
{
    private readonly List<SteppedTimer> timers = [];
    private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (timers)
        {
            return now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock and runs every timer due by then, in due order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (timers)
        {
            target = now + by;
        }

        while (true)
        {
            SteppedTimer? due;
            lock (timers)
            {
                due = timers.Where(t => t.Due <= target).OrderBy(t => t.Due).FirstOrDefault();
                if (due is null)
                {
                    now = target;
                    return;
                }

                now = due.Due;
                due.Due = due.Period > TimeSpan.Zero ? now + due.Period : DateTimeOffset.MaxValue;
                if (due.Due == DateTimeOffset.MaxValue)
                {
                    timers.Remove(due);
                }
            }

            due.Callback(due.State);
        }
    }

    private sealed class SteppedTimer(SteppedTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback => callback;

        public object? State => state;

        public DateTimeOffset Due { get; set; } = DateTimeOffset.MaxValue;

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner.timers)
            {
                owner.timers.Remove(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    Due = owner.now + dueTime;
                    owner.timers.Add(this);
                }
            }

            return true;
        }

        public void Dispose()
        {
            lock (owner.timers)
            {
                owner.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
