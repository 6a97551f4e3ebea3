using Ego.Grpc;

namespace Ego.Resilience.Client.Internal;

/// <summary>
/// The responses of a server-streaming call that is sent again when it fails with a retryable code before its first
/// response message; once a message has arrived the call is committed and its failure reaches the caller.
/// </summary>
internal sealed class RetryingStreamReader<TRequest, TResponse>(
    ClientResilience resilience, MethodPolicy policy, TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
    AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation, AsyncServerStreamingCall<TResponse> first) : IAsyncStreamReader<TResponse>
    where TRequest : class
    where TResponse : class
{
    private int attempt = 1;
    private bool committed;
    private bool ended;

    /// <summary>The attempt in flight.</summary>
    public AsyncServerStreamingCall<TResponse> Call { get; private set; } = first;

    public TResponse Current => Call.ResponseStream.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var more = await Call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false);
                if (more)
                {
                    committed = true;
                }
                else
                {
                    End(StatusCode.OK);
                }

                return more;
            }
            catch (RpcException error)
            {
                End(error.StatusCode);
                if (!await CanRetryAsync(error.StatusCode, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }

                if (policy.Breaker is { } breaker && !breaker.TryAcquire())
                {
                    throw GrpcOutcome.BreakerOpen(resilience, policy.Method);
                }

                Call.Dispose();
                Call = continuation(request, context);
                attempt++;
                ended = false;
                ClientResilienceMetrics.CountAttempt(resilience.Type, resilience.Name, policy.Method, ClientResilienceMetrics.Retry);
            }
        }
    }

    private async Task<bool> CanRetryAsync(StatusCode code, CancellationToken cancellationToken)
    {
        if (committed || !resilience.RetryCodes.Contains((int)code))
        {
            return false;
        }

        resilience.Budget.OnFailure();
        if (attempt >= policy.RetryAttempts || cancellationToken.IsCancellationRequested || context.Options.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (!resilience.Budget.CanRetry)
        {
            resilience.RetryThrottled(policy.Method);
            return false;
        }

        var delay = resilience.Backoff(attempt);
        if (context.Options.Deadline is { } due && resilience.Time.GetUtcNow().UtcDateTime + delay >= due.ToUniversalTime())
        {
            return false;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Options.CancellationToken);
        try
        {
            await Task.Delay(delay, resilience.Time, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    private void End(StatusCode code)
    {
        if (ended)
        {
            return;
        }

        ended = true;
        GrpcOutcome.Record(policy.Breaker, code);
        if (code == StatusCode.OK)
        {
            resilience.Budget.OnSuccess();
        }
    }
}
