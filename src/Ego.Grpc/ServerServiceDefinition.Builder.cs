namespace Ego.Grpc;

public sealed partial class ServerServiceDefinition
{
    /// <summary>Collects methods and handlers; a method name may be added once.</summary>
    public sealed class Builder
    {
        private readonly List<Action<ServiceBinderBase>> _bindings = [];
        private readonly List<IMethod> _methods = [];
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class
            => Add(method, handler, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class
            => Add(method, handler, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class
            => Add(method, handler, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class
            => Add(method, handler, binder => binder.AddMethod(method, handler));

        public ServerServiceDefinition Build() => new([.. _bindings], [.. _methods]);

        private Builder Add(IMethod method, Delegate handler, Action<ServiceBinderBase> binding)
        {
            ArgumentNullException.ThrowIfNull(method);
            ArgumentNullException.ThrowIfNull(handler);
            if (!_names.Add(method.FullName))
            {
                throw new ArgumentException($"Method '{method.FullName}' is already added to this service definition.", nameof(method));
            }

            _methods.Add(method);
            _bindings.Add(binding);
            return this;
        }
    }
}
