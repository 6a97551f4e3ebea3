namespace Ego.Resilience.Timeouts.Internal;

/// <summary>
/// The calls waiting on one configured timeout, in order of their deadlines, behind a single timer armed for the
/// earliest. Calls of one setting start in order, so their deadlines arrive nearly sorted: a call joins at or near the
/// tail, and the timer fires about once per timeout rather than once per call. A timer per call (a token source with a
/// delay, as <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>) costs a timer-queue insertion and removal on
/// every call, which is most of what a deadline costs a short call.
/// </summary>
internal sealed class DeadlineQueue : IDisposable
{
    private const int InitialCapacity = 64;

    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private DeadlineCallContext?[] calls = new DeadlineCallContext?[InitialCapacity];
    private int head;
    private int count;
    private readonly ITimer timer;
    private long armedFor = long.MaxValue;
    private bool disposed;

    public DeadlineQueue(TimeoutSetting setting, TimeProvider timeProvider)
    {
        Setting = setting;
        this.timeProvider = timeProvider;
        TimeoutTicks = (long)(setting.Timeout.Ticks * (timeProvider.TimestampFrequency / (double)TimeSpan.TicksPerSecond));

        // The timer must not capture the context of whoever creates it (a call's trace and scopes would live as long as
        // the server, and every expiry would run in them).
        var restoreFlow = !ExecutionContext.IsFlowSuppressed();
        if (restoreFlow)
        {
            ExecutionContext.SuppressFlow();
        }

        try
        {
            timer = timeProvider.CreateTimer(static state => ((DeadlineQueue)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            if (restoreFlow)
            {
                ExecutionContext.RestoreFlow();
            }
        }
    }

    public TimeoutSetting Setting { get; }

    public TimeProvider TimeProvider => timeProvider;

    /// <summary>The timeout in <see cref="System.TimeProvider.GetTimestamp"/> units.</summary>
    public long TimeoutTicks { get; }

    /// <summary>The calls held, finished ones not yet dropped included (for tests).</summary>
    internal int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    /// <summary>Holds <paramref name="call"/> until it finishes or its deadline passes, when it is expired.</summary>
    public void Add(DeadlineCallContext call)
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            DropFinishedHead();
            if (count == calls.Length)
            {
                MakeRoom();
            }

            Insert(call);
            if (call.Due < armedFor)
            {
                Arm(call.Due, timeProvider.GetTimestamp());
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer.Dispose();
            Array.Clear(calls);
            count = 0;
        }
    }

    private void OnTimer()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            armedFor = long.MaxValue;
            var now = timeProvider.GetTimestamp();
            while (count > 0)
            {
                var call = calls[head]!;
                var finished = call.IsFinished;
                if (!finished && call.Due > now)
                {
                    Arm(call.Due, now);
                    break;
                }

                RemoveHead();
                if (!finished)
                {
                    // Expired on the thread pool: expiring runs the handler's cancellation callbacks and answers the
                    // caller, which must not hold up the timer thread or the next deadline.
                    ThreadPool.UnsafeQueueUserWorkItem(call, preferLocal: false);
                }
            }
        }
    }

    // Keeps the calls sorted by deadline. A call usually joins at the tail; one whose handler ran a while before it
    // joined (it joins when its handler first waits or reads its token) moves back past the few that joined meanwhile.
    private void Insert(DeadlineCallContext call)
    {
        var position = count;
        while (position > 0 && calls[Slot(position - 1)]!.Due > call.Due)
        {
            calls[Slot(position)] = calls[Slot(position - 1)];
            position--;
        }

        calls[Slot(position)] = call;
        count++;
    }

    private void DropFinishedHead()
    {
        while (count > 0 && calls[head]!.IsFinished)
        {
            RemoveHead();
        }
    }

    private void RemoveHead()
    {
        calls[head] = null;
        head = (head + 1) % calls.Length;
        count--;
    }

    // A call that runs long holds the head while the calls behind it finish: those are dropped here, and the array
    // grows only when more than half of it is still running.
    private void MakeRoom()
    {
        var running = 0;
        for (var i = 0; i < count; i++)
        {
            if (!calls[Slot(i)]!.IsFinished)
            {
                running++;
            }
        }

        var kept = new DeadlineCallContext?[running * 2 > calls.Length ? calls.Length * 2 : calls.Length];
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            if (calls[Slot(i)] is { IsFinished: false } call)
            {
                kept[next++] = call;
            }
        }

        calls = kept;
        head = 0;
        count = next;
    }

    private int Slot(int index) => (head + index) % calls.Length;

    private void Arm(long due, long now)
    {
        armedFor = due;
        var wait = timeProvider.GetElapsedTime(now, due);
        if (wait < TimeSpan.FromMilliseconds(1))
        {
            wait = TimeSpan.FromMilliseconds(1);
        }

        timer.Change(wait, Timeout.InfiniteTimeSpan);
    }
}
