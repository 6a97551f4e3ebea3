namespace Ego.Grpc;

/// <summary>The next step of a client interceptor chain.</summary>
public delegate AsyncUnaryCall<TResponse> AsyncUnaryCallContinuation<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context)
    where TRequest : class
    where TResponse : class;
