using Ego.Grpc;
using Ego.Resilience.CircuitBreaking;

namespace Ego.Resilience.Client.Internal;

/// <summary>Passes a response stream through and records how it ended in the method's breaker.</summary>
internal sealed class RecordingStreamReader<T>(IAsyncStreamReader<T> inner, AdaptiveCircuitBreaker breaker) : IAsyncStreamReader<T>
{
    private int recorded;

    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        try
        {
            var more = await inner.MoveNext(cancellationToken).ConfigureAwait(false);
            if (!more)
            {
                Record(StatusCode.OK);
            }

            return more;
        }
        catch (Exception exception)
        {
            Record(GrpcOutcome.CodeOf(exception));
            throw;
        }
    }

    private void Record(StatusCode code)
    {
        if (Interlocked.Exchange(ref recorded, 1) == 0)
        {
            GrpcOutcome.Record(breaker, code);
        }
    }
}
