namespace Ego.Tests.Shared;

/// <summary>A clock whose timers of one due time fire only when the test says so; other timers run on the system clock.</summary>
internal sealed class ManualTimeProvider(TimeSpan controlledDueTime) : TimeProvider
{
    private readonly List<(TimerCallback Callback, object? State)> pending = [];
    private readonly TaskCompletionSource armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a timer with the controlled due time has been created.</summary>
    public Task Armed => armed.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != controlledDueTime)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        lock (pending)
        {
            pending.Add((callback, state));
        }

        armed.TrySetResult();
        return new NeverTimer();
    }

    public void Fire()
    {
        List<(TimerCallback Callback, object? State)> due;
        lock (pending)
        {
            due = [.. pending];
            pending.Clear();
        }

        foreach (var (callback, state) in due)
        {
            callback(state);
        }
    }

    private sealed class NeverTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
