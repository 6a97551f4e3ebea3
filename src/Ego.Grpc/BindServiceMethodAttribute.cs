using System.Diagnostics.CodeAnalysis;

namespace Ego.Grpc;

/// <summary>
/// Marks a generated service base class with the static method that binds it:
/// <c>static void BindService(ServiceBinderBase binder, TServiceBase impl)</c> on <see cref="BindType"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BindServiceMethodAttribute : Attribute
{
    public BindServiceMethodAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type bindType, string bindMethodName)
    {
        BindType = bindType;
        BindMethodName = bindMethodName;
    }

    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)]
    public Type BindType { get; }

    public string BindMethodName { get; }
}
