namespace Ego.Grpc.Interceptors.Internal;

/// <summary>Passes a response stream through and reports, once, how it ended: at its end or with an error.</summary>
internal sealed class ObservedStreamReader<T>(IAsyncStreamReader<T> inner, Action<Exception?> ended) : IAsyncStreamReader<T>
{
    private int reported;

    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        bool more;
        try
        {
            more = await inner.MoveNext(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Report(exception);
            throw;
        }

        if (!more)
        {
            Report(null);
        }

        return more;
    }

    private void Report(Exception? exception)
    {
        if (Interlocked.Exchange(ref reported, 1) == 0)
        {
            ended(exception);
        }
    }
}
