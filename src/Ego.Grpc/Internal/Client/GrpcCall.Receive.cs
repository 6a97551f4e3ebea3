using System.Net.Http;

namespace Ego.Grpc.Internal.Client;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    /// <summary>True once the call has its final status (trailers-only responses finish at the headers).</summary>
    private bool IsFinished => Volatile.Read(ref _finished) != 0;

    /// <summary>Reads the next response message; at the end, reads the trailers and throws unless the status is OK.</summary>
    private async ValueTask<(bool HasMessage, TResponse? Message)> ReadNextAsync()
    {
        if (IsFinished)
        {
            return _status!.Value.StatusCode == StatusCode.OK ? (false, null) : throw CreateException();
        }

        var (hasMessage, message) = await MessageReader.ReadAsync(_responseReader!, _method.ResponseMarshaller.Deserializer, _responseEncoding, _channel.Options.MaxReceiveMessageSize, _cancellation.Token).ConfigureAwait(false);
        if (hasMessage)
        {
            return (true, message);
        }

        await _responseReader!.CompleteAsync().ConfigureAwait(false);
        var http = _response!;
        var trailers = ReadMetadata(http.TrailingHeaders);
        var statusText = FirstValue(http.TrailingHeaders, GrpcProtocol.StatusHeader);
        var status = statusText is null
            ? new Status(StatusCode.Internal, "the server closed the stream without sending grpc-status")
            : ParseStatus(statusText, FirstValue(http.TrailingHeaders, GrpcProtocol.MessageHeader));
        Finish(status, trailers);
        return status.StatusCode == StatusCode.OK ? (false, null) : throw CreateException();
    }

    /// <summary>Reads exactly one response message and the status, as unary and client-streaming calls require.</summary>
    private async Task<TResponse> ReadSingleResponseAsync()
    {
        var (hasMessage, message) = await ReadNextAsync().ConfigureAwait(false);
        if (!hasMessage)
        {
            throw Fail(new RpcException(new Status(StatusCode.Internal, "the server returned OK without a response message")));
        }

        var (extra, _) = await ReadNextAsync().ConfigureAwait(false);
        if (extra)
        {
            throw Fail(new RpcException(new Status(StatusCode.Internal, "the server sent more than one response message for a unary response")));
        }

        return message!;
    }

    /// <summary>Records the final status once and releases the call's resources.</summary>
    private void Finish(Status status, Metadata trailers)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return;
        }

        _trailers = trailers.Freeze();
        _status = status;
        _channel.Calls.OnFinished(status.StatusCode != StatusCode.OK);
        ReleaseSubchannel(status.StatusCode);
        if (status.StatusCode != StatusCode.OK)
        {
            _failure = new RpcException(status, _trailers);
            GrpcClientLog.CallFailed(_channel.Logger, _method.FullName, status.StatusCode, status.Detail);
        }

        _responseHeaders.TrySetResult(Metadata.Empty);
        (_content as StreamingRequestContent)?.Complete();
        Cleanup();
    }

    private RpcException CreateException() => _failure ?? new RpcException(_status ?? new Status(StatusCode.Unknown, "the call failed"));

    /// <summary>Turns any failure into the call's final status; cancellation and deadline take precedence over the error they cause.</summary>
    private RpcException Fail(Exception exception)
    {
        if (!IsFinished)
        {
            var status = Volatile.Read(ref _cancelReason) != NotCancelled
                ? CancelStatus()
                : exception switch
                {
                    RpcException rpc => rpc.Status,
                    HttpProtocolException protocol => new Status(FromHttp2Error(protocol.ErrorCode), $"Error reading the response: the server reset the stream ({protocol.ErrorCode}).", protocol),
                    HttpRequestException request => new Status(StatusCode.Unavailable, $"Error starting gRPC call. {request.GetType().Name}: {request.Message}", request),
                    IOException io => new Status(StatusCode.Unavailable, $"Error reading the response. {io.GetType().Name}: {io.Message}", io),
                    OperationCanceledException => DisposedStatus,
                    _ => new Status(StatusCode.Internal, $"Error in the gRPC call. {exception.GetType().Name}: {exception.Message}", exception),
                };
            Finish(status, (exception as RpcException)?.Trailers ?? new Metadata());
        }

        return CreateException();
    }

    /// <summary>The status of an RST_STREAM error code (PROTOCOL-HTTP2.md).</summary>
    private static StatusCode FromHttp2Error(long errorCode) => errorCode switch
    {
        0x8 => StatusCode.Cancelled,
        0xb => StatusCode.ResourceExhausted,
        0x7 => StatusCode.Unavailable,
        0xc => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };
}
