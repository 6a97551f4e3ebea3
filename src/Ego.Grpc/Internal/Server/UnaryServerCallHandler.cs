namespace Ego.Grpc.Internal.Server;

internal sealed class UnaryServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler, ServerCallRuntime runtime)
    : ServerCallHandler(method, runtime)
    where TRequest : class
    where TResponse : class
{
    // Not async: a request already received in full and a handler that completes synchronously serve the call
    // without any state machine; each step falls back to awaiting only when it has to.
    protected override Task HandleCallAsync(HttpServerCallContext call)
    {
        var reading = ReadSingleRequestAsync(call, method.RequestMarshaller);
        if (!reading.IsCompletedSuccessfully)
        {
            return HandleAfterReadAsync(call, reading);
        }

        var responding = handler(reading.Result, call);
        return responding.IsCompletedSuccessfully ? WriteResponse(call, responding.Result)
            : responding.IsFaulted ? responding // a refusal: its error is read without rethrowing it
            : WriteWhenHandledAsync(call, responding);
    }

    /// <summary>Reads exactly one request message, as unary and server-streaming calls require.</summary>
    internal static ValueTask<TRequest> ReadSingleRequestAsync(HttpServerCallContext call, Marshaller<TRequest> marshaller)
    {
        var reader = call.HttpContext.Request.BodyReader;
        if (reader.TryRead(out var result))
        {
            if (result.IsCompleted)
            {
                try
                {
                    return new ValueTask<TRequest>(MessageReader.ReadSingle(result.Buffer, marshaller.Deserializer, call.RequestEncoding, call.Runtime.MaxReceiveMessageSize));
                }
                finally
                {
                    reader.AdvanceTo(result.Buffer.End);
                }
            }

            // Nothing examined: the next read returns these bytes again at once.
            reader.AdvanceTo(result.Buffer.Start);
        }

        return ReadSingleRequestSlowAsync(call, marshaller);
    }

    private static async ValueTask<TRequest> ReadSingleRequestSlowAsync(HttpServerCallContext call, Marshaller<TRequest> marshaller)
    {
        var reader = call.HttpContext.Request.BodyReader;
        var (hasMessage, request) = await MessageReader.ReadAsync(reader, marshaller.Deserializer, call.RequestEncoding, call.Runtime.MaxReceiveMessageSize, call.CallCancellationToken).ConfigureAwait(false);
        if (!hasMessage)
        {
            throw MessageReader.NoMessage();
        }

        var (extra, _) = await MessageReader.ReadAsync(reader, marshaller.Deserializer, call.RequestEncoding, call.Runtime.MaxReceiveMessageSize, call.CallCancellationToken).ConfigureAwait(false);
        if (extra)
        {
            throw MessageReader.MoreThanOne();
        }

        return request!;
    }

    private async Task HandleAfterReadAsync(HttpServerCallContext call, ValueTask<TRequest> reading)
    {
        var request = await reading.ConfigureAwait(false);
        var response = await handler(request, call).ConfigureAwait(false);
        await WriteResponse(call, response).ConfigureAwait(false);
    }

    private async Task WriteWhenHandledAsync(HttpServerCallContext call, Task<TResponse> responding)
    {
        var response = await responding.ConfigureAwait(false);
        await WriteResponse(call, response).ConfigureAwait(false);
    }

    private Task WriteResponse(HttpServerCallContext call, TResponse? response)
    {
        if (response is null)
        {
            throw new InvalidOperationException($"The handler of {method.FullName} returned a null response.");
        }

        var writing = call.WriteMessageAsync(response, method.ResponseMarshaller, null, flush: false);
        return writing.IsCompletedSuccessfully ? Task.CompletedTask : writing.AsTask();
    }
}
