namespace Ego.Grpc.Internal.Server;

internal sealed class DuplexStreamingServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler, ServerCallRuntime runtime)
    : ServerCallHandler(method, runtime)
    where TRequest : class
    where TResponse : class
{
    protected override Task HandleCallAsync(HttpServerCallContext call)
        => handler(new ServerRequestReader<TRequest>(call, method.RequestMarshaller), new ServerResponseWriter<TResponse>(call, method.ResponseMarshaller), call);
}
