namespace Ego.Grpc.Internal.Server;

internal sealed class UnaryServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler, ServerCallRuntime runtime)
    : ServerCallHandler(method, runtime)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallAsync(HttpServerCallContext call)
    {
        var request = await ReadSingleRequestAsync(call, method.RequestMarshaller).ConfigureAwait(false);
        var response = await handler(request, call).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The handler of {method.FullName} returned a null response.");
        await call.WriteMessageAsync(response, method.ResponseMarshaller, null, flush: false).ConfigureAwait(false);
    }

    /// <summary>Reads exactly one request message, as unary and server-streaming calls require.</summary>
    internal static async Task<TRequest> ReadSingleRequestAsync(HttpServerCallContext call, Marshaller<TRequest> marshaller)
    {
        var reader = call.HttpContext.Request.BodyReader;
        var (hasMessage, request) = await MessageReader.ReadAsync(reader, marshaller.Deserializer, call.RequestEncoding, call.Runtime.MaxReceiveMessageSize, call.CallCancellationToken).ConfigureAwait(false);
        if (!hasMessage)
        {
            throw new RpcException(new Status(StatusCode.Internal, "the request stream ended without a message; this method expects exactly one"));
        }

        var (extra, _) = await MessageReader.ReadAsync(reader, marshaller.Deserializer, call.RequestEncoding, call.Runtime.MaxReceiveMessageSize, call.CallCancellationToken).ConfigureAwait(false);
        if (extra)
        {
            throw new RpcException(new Status(StatusCode.Internal, "more than one request message for a method that expects exactly one"));
        }

        return request!;
    }
}
