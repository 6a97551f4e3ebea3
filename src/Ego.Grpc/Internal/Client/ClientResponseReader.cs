namespace Ego.Grpc.Internal.Client;

/// <summary>The response stream of a server- or duplex-streaming call.</summary>
internal sealed class ClientResponseReader<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    where TRequest : class
    where TResponse : class
{
    private TResponse? _current;

    public TResponse Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first and check it returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        var (hasMessage, message) = await call.ReadStreamAsync(cancellationToken).ConfigureAwait(false);
        _current = message;
        return hasMessage;
    }
}
