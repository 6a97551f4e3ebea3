using Ego.Grpc;
using Ego.Resilience.CircuitBreaking;

namespace Ego.Resilience.Client.Internal;

/// <summary>Records how a response task ended in a breaker when it completes, without wrapping the call.</summary>
internal sealed class OutcomeRecorder<TResponse>
{
    private readonly Task<TResponse> response;
    private readonly AdaptiveCircuitBreaker breaker;

    private OutcomeRecorder(Task<TResponse> response, AdaptiveCircuitBreaker breaker)
    {
        this.response = response;
        this.breaker = breaker;
    }

    public static void Attach(Task<TResponse> response, AdaptiveCircuitBreaker breaker)
    {
        if (response.IsCompleted)
        {
            Record(response, breaker);
            return;
        }

        response.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(new OutcomeRecorder<TResponse>(response, breaker).Run);
    }

    private void Run() => Record(response, breaker);

    private static void Record(Task<TResponse> response, AdaptiveCircuitBreaker breaker)
        => GrpcOutcome.Record(breaker, response.IsCompletedSuccessfully ? StatusCode.OK : GrpcOutcome.CodeOf(response.Exception?.InnerException ?? new OperationCanceledException()));
}
