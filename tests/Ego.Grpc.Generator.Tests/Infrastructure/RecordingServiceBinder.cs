using Ego.Grpc;

namespace Ego.Grpc.Generator.Tests.Infrastructure;

/// <summary>A ServiceBinderBase that keeps every method and handler a generated BindService registers.</summary>
internal sealed class RecordingServiceBinder : ServiceBinderBase
{
    public List<(IMethod Method, Delegate? Handler)> Bound { get; } = [];

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        => Bound.Add((method, handler));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        => Bound.Add((method, handler));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        => Bound.Add((method, handler));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        => Bound.Add((method, handler));
}
