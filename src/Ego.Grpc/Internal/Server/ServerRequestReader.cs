namespace Ego.Grpc.Internal.Server;

/// <summary>The request stream of a client- or duplex-streaming handler.</summary>
internal sealed class ServerRequestReader<T>(HttpServerCallContext call, Marshaller<T> marshaller) : IAsyncStreamReader<T>
{
    private T? _current;
    private bool _completed;
    private bool _reading;

    public T Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first and check it returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_completed)
        {
            return false;
        }

        if (_reading)
        {
            throw new InvalidOperationException("A read is already in progress: await MoveNext before calling it again.");
        }

        _reading = true;
        using var linked = cancellationToken.CanBeCanceled && cancellationToken != call.CallCancellationToken
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.CallCancellationToken)
            : null;
        try
        {
            var (hasMessage, message) = await MessageReader.ReadAsync(call.HttpContext.Request.BodyReader, marshaller.Deserializer, call.RequestEncoding, call.Runtime.MaxReceiveMessageSize, linked?.Token ?? call.CallCancellationToken).ConfigureAwait(false);
            if (!hasMessage)
            {
                _completed = true;
                _current = default;
                return false;
            }

            _current = message;
            return true;
        }
        finally
        {
            _reading = false;
        }
    }
}
