using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Ego.Grpc.Internal.Server;

/// <summary>Finds and calls the generated <c>BindService(ServiceBinderBase, TBase)</c> of a service class, once at start.</summary>
internal static class BindServiceMethodFinder
{
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "BindServiceMethodAttribute keeps the bind type's methods.")]
    public static void Bind(Type serviceType, ServiceBinderBase binder, object? instance)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            var attribute = type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false);
            if (attribute is null)
            {
                continue;
            }

            var method = attribute.BindType.GetMethod(
                attribute.BindMethodName,
                BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
                [typeof(ServiceBinderBase), type])
                ?? throw new InvalidOperationException($"{attribute.BindType.FullName} has no static {attribute.BindMethodName}(ServiceBinderBase, {type.Name}) method to bind service {serviceType.FullName}.");
            try
            {
                method.Invoke(null, [binder, instance]);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            }

            return;
        }

        throw new InvalidOperationException($"{serviceType.FullName} is not a gRPC service: none of its base classes has [BindServiceMethod]. Derive it from a generated service base class.");
    }
}
