using System.Collections.Frozen;

namespace Ego.Grpc.Internal.Server;

/// <summary>Collects the handlers of every method, wrapped in the interceptors, keyed by <c>:path</c>.</summary>
internal sealed class ServerMethodTable(ServerCallRuntime runtime, IReadOnlyList<Interceptor> interceptors)
{
    private readonly Dictionary<string, ServerCallHandler> _handlers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);

    public void AddUnary<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var (interceptor, next) = (interceptors[i], handler);
            handler = (request, context) => interceptor.UnaryServerHandler(request, context, next);
        }

        Add(method, new UnaryServerCallHandler<TRequest, TResponse>(method, handler, runtime));
    }

    public void AddClientStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var (interceptor, next) = (interceptors[i], handler);
            handler = (requests, context) => interceptor.ClientStreamingServerHandler(requests, context, next);
        }

        Add(method, new ClientStreamingServerCallHandler<TRequest, TResponse>(method, handler, runtime));
    }

    public void AddServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var (interceptor, next) = (interceptors[i], handler);
            handler = (request, responses, context) => interceptor.ServerStreamingServerHandler(request, responses, context, next);
        }

        Add(method, new ServerStreamingServerCallHandler<TRequest, TResponse>(method, handler, runtime));
    }

    public void AddDuplexStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var (interceptor, next) = (interceptors[i], handler);
            handler = (requests, responses, context) => interceptor.DuplexStreamingServerHandler(requests, responses, context, next);
        }

        Add(method, new DuplexStreamingServerCallHandler<TRequest, TResponse>(method, handler, runtime));
    }

    public FrozenDictionary<string, ServerCallHandler> FreezeHandlers() => _handlers.ToFrozenDictionary(StringComparer.Ordinal);

    public FrozenSet<string> FreezeServices() => _services.ToFrozenSet(StringComparer.Ordinal);

    private void Add(IMethod method, ServerCallHandler handler)
    {
        if (!_handlers.TryAdd(method.FullName, handler))
        {
            throw new InvalidOperationException($"Method {method.FullName} is registered twice: each service can be added once.");
        }

        _services.Add(method.ServiceName);
    }
}
