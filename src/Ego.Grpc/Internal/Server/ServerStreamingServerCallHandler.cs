namespace Ego.Grpc.Internal.Server;

internal sealed class ServerStreamingServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler, ServerCallRuntime runtime)
    : ServerCallHandler(method, runtime)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallAsync(HttpServerCallContext call)
    {
        var request = await UnaryServerCallHandler<TRequest, TResponse>.ReadSingleRequestAsync(call, method.RequestMarshaller).ConfigureAwait(false);
        await handler(request, new ServerResponseWriter<TResponse>(call, method.ResponseMarshaller), call).ConfigureAwait(false);
    }
}
