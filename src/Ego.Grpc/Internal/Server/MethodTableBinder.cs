namespace Ego.Grpc.Internal.Server;

/// <summary>Binds methods whose handlers are given (service definitions and service instances).</summary>
internal class MethodTableBinder(ServerMethodTable table) : ServiceBinderBase
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        => table.AddUnary(method, handler ?? CreateUnary(method));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        => table.AddClientStreaming(method, handler ?? CreateClientStreaming(method));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        => table.AddServerStreaming(method, handler ?? CreateServerStreaming(method));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        => table.AddDuplexStreaming(method, handler ?? CreateDuplexStreaming(method));

    protected virtual UnaryServerMethod<TRequest, TResponse> CreateUnary<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
        => throw MissingHandler(method);

    protected virtual ClientStreamingServerMethod<TRequest, TResponse> CreateClientStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
        => throw MissingHandler(method);

    protected virtual ServerStreamingServerMethod<TRequest, TResponse> CreateServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
        => throw MissingHandler(method);

    protected virtual DuplexStreamingServerMethod<TRequest, TResponse> CreateDuplexStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
        => throw MissingHandler(method);

    private static ArgumentException MissingHandler(IMethod method)
        => new($"Method {method.FullName} was bound without a handler.", nameof(method));
}
