namespace Ego.Grpc;

/// <summary>Base of generated clients, with <see cref="WithHost"/> returning the client's own type.</summary>
public abstract class ClientBase<T> : ClientBase
    where T : ClientBase<T>
{
    private readonly CallInvoker _undecorated;

    protected ClientBase()
    {
        _undecorated = CallInvoker;
    }

    protected ClientBase(ChannelBase channel)
        : base(channel)
    {
        _undecorated = CallInvoker;
    }

    protected ClientBase(CallInvoker callInvoker)
        : base(callInvoker)
    {
        _undecorated = CallInvoker;
    }

    protected ClientBase(ClientBaseConfiguration configuration)
        : base(configuration)
    {
        _undecorated = configuration.UndecoratedCallInvoker;
    }

    /// <summary>A copy of this client whose calls use <paramref name="host"/> as <c>:authority</c>.</summary>
    public T WithHost(string host)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        return NewInstance(new ClientBaseConfiguration(_undecorated, host));
    }

    /// <summary>Creates a client from <paramref name="configuration"/>; generated clients override it.</summary>
    protected virtual T NewInstance(ClientBaseConfiguration configuration)
        => throw new NotSupportedException($"{typeof(T).Name} does not override NewInstance, so WithHost is not available.");
}
