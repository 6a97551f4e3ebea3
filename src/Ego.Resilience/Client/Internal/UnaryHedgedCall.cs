using Ego.Grpc;

namespace Ego.Resilience.Client.Internal;

/// <summary>
/// gRFC A6 hedging of a unary call: a further attempt every <c>hedgingDelay</c> while none has answered (at once after
/// a non-fatal code), up to <c>maxAttempts</c> and while the retry budget allows; the first answer wins and the other
/// attempts are cancelled.
/// </summary>
internal sealed class UnaryHedgedCall<TRequest, TResponse>(
    ClientResilience resilience, MethodPolicy policy, TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
    AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    where TRequest : class
    where TResponse : class
{
    private readonly CancellationTokenSource cancel = CancellationTokenSource.CreateLinkedTokenSource(context.Options.CancellationToken);
    private readonly List<AsyncUnaryCall<TResponse>> attempts = [];
    private AsyncUnaryCall<TResponse>? winner;
    private RpcException? rejection;

    public AsyncUnaryCall<TResponse> Start()
    {
        var response = RunAsync();
        return new AsyncUnaryCall<TResponse>(response, HeadersAsync(response), static s => ((UnaryHedgedCall<TRequest, TResponse>)s).Status(),
            static s => ((UnaryHedgedCall<TRequest, TResponse>)s).Trailers(), static s => ((UnaryHedgedCall<TRequest, TResponse>)s).Dispose(), this);
    }

    private async Task<TResponse> RunAsync()
    {
        var attemptContext = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithCancellationToken(cancel.Token));
        var running = new List<(AsyncUnaryCall<TResponse> Call, Task<TResponse> Response)>();
        var canSend = true;
        RpcException? lastError = null;
        if (!TrySend(attemptContext, running))
        {
            throw rejection!;
        }

        try
        {
            while (running.Count > 0)
            {
                canSend &= attempts.Count < policy.HedgeAttempts;
                var delay = canSend ? Task.Delay(resilience.Options.Hedging.HedgingDelay, resilience.Time, cancel.Token) : null;
                var finished = await Task.WhenAny(delay is null ? running.Select(r => (Task)r.Response) : running.Select(r => (Task)r.Response).Append(delay)).ConfigureAwait(false);
                if (finished == delay)
                {
                    canSend = TrySend(attemptContext, running);
                    continue;
                }

                var index = running.FindIndex(r => r.Response == finished);
                var (call, response) = running[index];
                running.RemoveAt(index);
                try
                {
                    var result = await response.ConfigureAwait(false);
                    policy.Breaker?.Record(failed: false);
                    resilience.Budget.OnSuccess();
                    winner = call;
                    return result;
                }
                catch (RpcException error) when (resilience.NonFatalCodes.Contains((int)error.StatusCode))
                {
                    GrpcOutcome.Record(policy.Breaker, error.StatusCode);
                    resilience.Budget.OnFailure();
                    lastError = error;
                    winner = call;
                    canSend = attempts.Count < policy.HedgeAttempts && TrySend(attemptContext, running);
                }
                catch (RpcException error)
                {
                    GrpcOutcome.Record(policy.Breaker, error.StatusCode);
                    winner = call;
                    throw;
                }
            }

            throw lastError!;
        }
        finally
        {
            // The answer is in (or the call failed): stop the attempts still running.
            await cancel.CancelAsync().ConfigureAwait(false);
        }
    }

    private bool TrySend(ClientInterceptorContext<TRequest, TResponse> attemptContext, List<(AsyncUnaryCall<TResponse>, Task<TResponse>)> running)
    {
        if (attempts.Count > 0 && !resilience.Budget.CanRetry)
        {
            resilience.RetryThrottled(policy.Method);
            return false;
        }

        if (policy.Breaker is { } breaker && !breaker.TryAcquire())
        {
            rejection = GrpcOutcome.BreakerOpen(resilience, policy.Method);
            return false;
        }

        var call = continuation(request, attemptContext);
        lock (attempts)
        {
            attempts.Add(call);
        }

        running.Add((call, call.ResponseAsync));
        if (attempts.Count > 1)
        {
            ClientResilienceMetrics.CountAttempt(resilience.Type, resilience.Name, policy.Method, ClientResilienceMetrics.Hedge);
        }

        return true;
    }

    private async Task<Metadata> HeadersAsync(Task response)
    {
        try
        {
            await response.ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // The headers of a failed call are those of the attempt that decided it.
        }

        return winner is { } call ? await call.ResponseHeadersAsync.ConfigureAwait(false) : new Metadata();
    }

    private Status Status() => winner?.GetStatus() ?? rejection?.Status ?? throw new InvalidOperationException("the call has not finished");

    private Metadata Trailers() => winner?.GetTrailers() ?? rejection?.Trailers ?? throw new InvalidOperationException("the call has not finished");

    private void Dispose()
    {
        cancel.Cancel();
        AsyncUnaryCall<TResponse>[] sent;
        lock (attempts)
        {
            sent = [.. attempts];
        }

        foreach (var attempt in sent)
        {
            attempt.Dispose();
        }
    }
}
