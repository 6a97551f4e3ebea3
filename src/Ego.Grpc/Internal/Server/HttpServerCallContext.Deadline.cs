namespace Ego.Grpc.Internal.Server;

internal sealed partial class HttpServerCallContext
{
    internal static readonly Status DeadlineStatus = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");

    /// <summary>Completes when a status sent because of the deadline is written; the request must not end before.</summary>
    public Task WhenDeadlineHandledAsync()
    {
        if (_deadlineLock is null)
        {
            _completing = true;
            return Task.CompletedTask;
        }

        _deadlineTimer?.Dispose();
        lock (_deadlineLock)
        {
            _completing = true;
            return _deadlineCompletion ?? Task.CompletedTask;
        }
    }

    private void StartDeadline(TimeSpan timeout)
    {
        var now = _runtime.TimeProvider.GetUtcNow().UtcDateTime;
        _deadline = timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout;
        if (timeout > TimeSpan.FromDays(40))
        {
            return;
        }

        _deadlineLock = new Lock();
        _deadlineSource = new CancellationTokenSource();
        _abortRegistration = _http.RequestAborted.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _deadlineSource);
        CallCancellationToken = _deadlineSource.Token;
        if (timeout <= TimeSpan.Zero)
        {
            // Already past: the handler is not started and the call fails with DEADLINE_EXCEEDED.
            _deadlineReached = true;
            _deadlineSource.Cancel();
            return;
        }

        _deadlineTimer = _runtime.TimeProvider.CreateTimer(static state => ((HttpServerCallContext)state!).OnDeadline(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// At the deadline: cancels the handler's token and sends DEADLINE_EXCEEDED at once, without waiting for a
    /// handler that ignores its token; its later writes fail and its result is dropped.
    /// </summary>
    private void OnDeadline()
    {
        Task pendingFlush;
        TaskCompletionSource done;
        lock (_deadlineLock!)
        {
            if (_completing || _http.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            _completing = true;
            _deadlineReached = true;
            pendingFlush = _pendingFlush;
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _deadlineCompletion = done.Task;
        }

        GrpcServerLog.DeadlineExceeded(_runtime.Logger, _method.FullName);
        try
        {
            _deadlineSource!.Cancel();
        }
        catch (AggregateException exception)
        {
            // Callbacks registered by the handler threw; the deadline status is sent regardless.
            GrpcServerLog.HandlerFailed(_runtime.Logger, _method.FullName, exception);
        }

        _ = CompleteAfterDeadlineAsync(pendingFlush, done);
    }

    private async Task CompleteAfterDeadlineAsync(Task pendingFlush, TaskCompletionSource done)
    {
        try
        {
            await pendingFlush.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or OperationCanceledException)
        {
            // A failed write does not prevent sending the status.
        }

        try
        {
            // Ends the stream now: the handler may still be running and the request delegate has not returned.
            await WriteStatusAsync(DeadlineStatus, extraTrailers: null, includeResponseTrailers: false, endResponse: true).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or OperationCanceledException)
        {
            GrpcServerLog.StatusNotSent(_runtime.Logger, _method.FullName, exception);
        }
        finally
        {
            done.TrySetResult();
        }
    }
}
