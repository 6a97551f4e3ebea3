using Ego.Grpc;

namespace Ego.Resilience.Client.Internal;

/// <summary>
/// A unary call sent again on a retryable code, after a jittered backoff, while attempts, the retry budget and the
/// call's deadline allow. Status, trailers and headers are those of the last attempt.
/// </summary>
internal sealed class UnaryRetryCall<TRequest, TResponse>(
    ClientResilience resilience, MethodPolicy policy, TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
    AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    where TRequest : class
    where TResponse : class
{
    private AsyncUnaryCall<TResponse>? current;
    private RpcException? rejection;
    private volatile bool disposed;

    public AsyncUnaryCall<TResponse> Start()
    {
        var response = RunAsync();
        return new AsyncUnaryCall<TResponse>(response, HeadersAsync(response), static s => ((UnaryRetryCall<TRequest, TResponse>)s).Status(),
            static s => ((UnaryRetryCall<TRequest, TResponse>)s).Trailers(), static s => ((UnaryRetryCall<TRequest, TResponse>)s).Dispose(), this);
    }

    private async Task<TResponse> RunAsync()
    {
        var breaker = policy.Breaker;
        var deadline = context.Options.Deadline;
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
                if (!resilience.RetryCodes.Contains((int)error.StatusCode))
                {
                    throw;
                }

                resilience.Budget.OnFailure();
                if (attempt >= policy.RetryAttempts || disposed || context.Options.CancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                if (!resilience.Budget.CanRetry)
                {
                    resilience.RetryThrottled(policy.Method);
                    throw;
                }

                var delay = resilience.Backoff(attempt);
                if (deadline is { } due && resilience.Time.GetUtcNow().UtcDateTime + delay >= due.ToUniversalTime())
                {
                    throw;
                }

                await DelayAsync(delay).ConfigureAwait(false);
                ClientResilienceMetrics.CountAttempt(resilience.Type, resilience.Name, policy.Method, ClientResilienceMetrics.Retry);
            }
        }
    }

    private async Task DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, resilience.Time, context.Options.CancellationToken).ConfigureAwait(false);
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

    private async Task<Metadata> HeadersAsync(Task response)
    {
        try
        {
            await response.ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // The headers of a failed call are those of its last attempt, if it was sent.
        }

        return current is { } call ? await call.ResponseHeadersAsync.ConfigureAwait(false) : new Metadata();
    }

    private Status Status() => rejection?.Status ?? current?.GetStatus() ?? throw new InvalidOperationException("the call has not finished");

    private Metadata Trailers() => rejection?.Trailers ?? current?.GetTrailers() ?? throw new InvalidOperationException("the call has not finished");

    private void Dispose()
    {
        disposed = true;
        current?.Dispose();
    }
}
