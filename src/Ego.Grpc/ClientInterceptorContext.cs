namespace Ego.Grpc;

/// <summary>The method, host and options of a client call passing through an interceptor.</summary>
public readonly struct ClientInterceptorContext<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    public ClientInterceptorContext(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        Method = method;
        Host = host;
        Options = options;
    }

    public Method<TRequest, TResponse> Method { get; }

    public string? Host { get; }

    public CallOptions Options { get; }
}
