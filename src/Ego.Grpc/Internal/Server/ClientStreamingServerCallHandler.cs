namespace Ego.Grpc.Internal.Server;

internal sealed class ClientStreamingServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler, ServerCallRuntime runtime)
    : ServerCallHandler(method, runtime)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallAsync(HttpServerCallContext call)
    {
        var response = await handler(new ServerRequestReader<TRequest>(call, method.RequestMarshaller), call).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The handler of {method.FullName} returned a null response.");
        await call.WriteMessageAsync(response, method.ResponseMarshaller, null, flush: false).ConfigureAwait(false);
    }
}
