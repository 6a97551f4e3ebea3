namespace Ego.Grpc.Tracing;

/// <summary>Ends the client span of a streaming call when the response stream ends or fails.</summary>
internal sealed class TracingStreamReader<T>(IAsyncStreamReader<T> inner, ClientSpan span, Func<Status> status) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        try
        {
            if (await inner.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }
        catch (Exception exception)
        {
            span.End(exception);
            throw;
        }

        var final = status();
        span.End(final.StatusCode, final.Detail);
        return false;
    }
}
