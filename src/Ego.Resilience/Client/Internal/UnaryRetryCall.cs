using Ego.Grpc;

namespace Ego.Resilience.Client.Internal;

/// <summary>
/// A unary call sent again on a retryable code, after a jittered backoff, while attempts, the retry budget and the
/// call's deadline allow. Status, trailers and headers are those of the last attempt; the call is itself the source
/// of its headers, which complete when the call does (a retried call has no headers before it is decided).
/// </summary>
internal sealed class UnaryRetryCall<TRequest, TResponse>(
    ClientResilience resilience, MethodPolicy policy, TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
    AsyncUnaryCallContinuation<TRequest, TResponse> continuation) : TaskCompletionSource<Metadata>(TaskCreationOptions.RunContinuationsAsynchronously)
    where TRequest : class
    where TResponse : class
{
    private AsyncUnaryCall<TResponse>? current;
    private RpcException? rejection;
    private volatile bool disposed;

    public AsyncUnaryCall<TResponse> Start()
    {
        var response = RunAsync();
        return new AsyncUnaryCall<TResponse>(response, Task, static s => ((UnaryRetryCall<TRequest, TResponse>)s).Status(),
            static s => ((UnaryRetryCall<TRequest, TResponse>)s).Trailers(), static s => ((UnaryRetryCall<TRequest, TResponse>)s).Dispose(), this);
    }

    private async Task<TResponse> RunAsync()
    {
        var breaker = policy.Breaker;
        var deadline = context.Options.Deadline;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (breaker is not null && !breaker.TryAcquire())
                {
                    throw rejection = GrpcOutcome.BreakerOpen(resilience, policy.Method);
                }

                try
                {
                    current = continuation(request, context);
                    var response = await current.ResponseAsync.ConfigureAwait(false);
                    breaker?.Record(failed: false);
                    resilience.Budget.OnSuccess();
                    return response;
                }
                catch (RpcException error)
                {
                    GrpcOutcome.Record(breaker, error.StatusCode);
                    if (!ShouldRetry(error.StatusCode, attempt, deadline, out var delay))
                    {
                        throw;
                    }

                    await DelayAsync(delay).ConfigureAwait(false);
                    ClientResilienceMetrics.CountAttempt(resilience.Type, resilience.Name, policy.Method, ClientResilienceMetrics.Retry);
                }
            }
        }
        finally
        {
            CompleteHeaders();
        }
    }

    private bool ShouldRetry(StatusCode code, int attempt, DateTime? deadline, out TimeSpan delay)
    {
        delay = default;
        if (!resilience.RetryCodes.Contains((int)code))
        {
            return false;
        }

        resilience.Budget.OnFailure();
        if (attempt >= policy.RetryAttempts || disposed || context.Options.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (!resilience.Budget.CanRetry)
        {
            resilience.RetryThrottled(policy.Method);
            return false;
        }

        delay = resilience.Backoff(attempt);
        return deadline is not { } due || resilience.Time.GetUtcNow().UtcDateTime + delay < due.ToUniversalTime();
    }

    private async Task DelayAsync(TimeSpan delay)
    {
        try
        {
            await System.Threading.Tasks.Task.Delay(delay, resilience.Time, context.Options.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "call cancelled while waiting to retry"));
        }

        if (disposed)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "call disposed while waiting to retry"));
        }
    }

    private void CompleteHeaders()
    {
        if (current is not { ResponseHeadersAsync: var headers })
        {
            TrySetResult(new Metadata());
        }
        else if (headers.IsCompletedSuccessfully)
        {
            TrySetResult(headers.Result);
        }
        else
        {
            headers.ContinueWith(static (t, s) => ((UnaryRetryCall<TRequest, TResponse>)s!).Forward(t), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void Forward(Task<Metadata> headers)
    {
        if (headers.IsCompletedSuccessfully)
        {
            TrySetResult(headers.Result);
        }
        else
        {
            TrySetException(headers.Exception?.InnerExceptions ?? [new RpcException(new Status(StatusCode.Cancelled, "call cancelled"))]);
        }
    }

    private Status Status() => rejection?.Status ?? current?.GetStatus() ?? throw new InvalidOperationException("the call has not finished");

    private Metadata Trailers() => rejection?.Trailers ?? current?.GetTrailers() ?? throw new InvalidOperationException("the call has not finished");

    private void Dispose()
    {
        disposed = true;
        current?.Dispose();
    }
}
