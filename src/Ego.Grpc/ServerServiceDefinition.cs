namespace Ego.Grpc;

/// <summary>A service's methods bound to their handlers, ready to be added to a server.</summary>
public sealed partial class ServerServiceDefinition
{
    private readonly IReadOnlyList<Action<ServiceBinderBase>> _bindings;

    private ServerServiceDefinition(IReadOnlyList<Action<ServiceBinderBase>> bindings, IReadOnlyList<IMethod> methods)
    {
        _bindings = bindings;
        Methods = methods;
    }

    /// <summary>The bound methods, in the order they were added.</summary>
    public IReadOnlyList<IMethod> Methods { get; }

    public static Builder CreateBuilder() => new();

    /// <summary>Replays every method with its handler into <paramref name="binder"/>.</summary>
    public void BindService(ServiceBinderBase binder)
    {
        ArgumentNullException.ThrowIfNull(binder);
        foreach (var binding in _bindings)
        {
            binding(binder);
        }
    }
}
