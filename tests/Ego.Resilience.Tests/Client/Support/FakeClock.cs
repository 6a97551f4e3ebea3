namespace Ego.Resilience.Tests.Client.Support;

/// <summary>A clock that moves only when the test advances it; timers (and so <c>Task.Delay</c>) fire as it passes their due time.</summary>
internal sealed class FakeClock : TimeProvider
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<FakeTimer> timers = [];
    private long ticks;
    private TaskCompletionSource timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public override DateTimeOffset GetUtcNow() => Start.AddTicks(Interlocked.Read(ref ticks));

    /// <summary>Completes when a timer is next armed (a delay started).</summary>
    public Task TimerArmed
    {
        get
        {
            lock (timers)
            {
                return timers.Any(t => t.Due is not null) ? Task.CompletedTask : timerCreated.Task;
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref ticks, by.Ticks);
        List<FakeTimer> due;
        lock (timers)
        {
            if (timers.Count == 0)
            {
                return;
            }

            due = [.. timers.Where(t => t.Due <= ticks)];
            foreach (var timer in due)
            {
                timer.Due = null;
            }
        }

        foreach (var timer in due)
        {
            timer.Callback(timer.State);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Armed()
    {
        var created = Interlocked.Exchange(ref timerCreated, new(TaskCreationOptions.RunContinuationsAsynchronously));
        created.TrySetResult();
    }

    private sealed class FakeTimer(FakeClock clock, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public long? Due { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.timers)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetTimestamp() + dueTime.Ticks;
                if (!clock.timers.Contains(this))
                {
                    clock.timers.Add(this);
                }
            }

            if (Due is not null)
            {
                clock.Armed();
            }

            return true;
        }

        public void Dispose()
        {
            lock (clock.timers)
            {
                clock.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
