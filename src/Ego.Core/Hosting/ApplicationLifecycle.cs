namespace Ego.Hosting;

/// <summary>
/// The application's stage (<see cref="ApplicationStage"/>) and the HTTP requests in flight on the main port.
/// The host advances it; servers, probes and the governor read it.
/// </summary>
public sealed class ApplicationLifecycle
{
    private readonly TaskCompletionSource[] reached;
    private readonly Lock gate = new();
    private int stage;
    private int inFlight;
    private TaskCompletionSource? idle;

    public ApplicationLifecycle()
    {
        reached = new TaskCompletionSource[Enum.GetValues<ApplicationStage>().Length];
        for (var i = 0; i < reached.Length; i++)
        {
            reached[i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        reached[0].SetResult();
    }

    public ApplicationStage Stage => (ApplicationStage)Volatile.Read(ref stage);

    /// <summary>True until the drain is over; from then on new calls are refused.</summary>
    public bool IsAccepting => Stage < ApplicationStage.Stopping;

    /// <summary>HTTP requests being handled on the main port.</summary>
    public int InFlightHttpRequests => Volatile.Read(ref inFlight);

    /// <summary>Completes when the application reaches <paramref name="target"/> or a later stage.</summary>
    public Task WhenReached(ApplicationStage target) => reached[(int)target].Task;

    /// <summary>Moves to <paramref name="next"/>; moving backwards is ignored.</summary>
    public void Advance(ApplicationStage next)
    {
        int current;
        do
        {
            current = Volatile.Read(ref stage);
            if ((int)next <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref stage, (int)next, current) != current);

        for (var i = current + 1; i <= (int)next; i++)
        {
            reached[i].TrySetResult();
        }
    }

    /// <summary>Counts a request in; false (and not counted) when the application no longer accepts calls.</summary>
    internal bool TryEnterRequest()
    {
        Interlocked.Increment(ref inFlight);
        if (IsAccepting)
        {
            return true;
        }

        ExitRequest();
        return false;
    }

    internal void ExitRequest()
    {
        if (Interlocked.Decrement(ref inFlight) != 0)
        {
            return;
        }

        lock (gate)
        {
            idle?.TrySetResult();
        }
    }

    /// <summary>Completes once no HTTP request is in flight.</summary>
    internal Task WhenHttpIdleAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (Volatile.Read(ref inFlight) == 0)
            {
                return Task.CompletedTask;
            }

            idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return idle.Task.WaitAsync(cancellationToken);
        }
    }
}
