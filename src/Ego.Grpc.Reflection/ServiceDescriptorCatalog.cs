using System.Reflection;
using Google.Protobuf.Reflection;

namespace Ego.Grpc.Reflection;

/// <summary>
/// Finds the protobuf descriptors of services by name through the <c>Descriptor</c> property every generated
/// service class has, so reflection works for any service bound from generated code, without registration.
/// </summary>
public static class ServiceDescriptorCatalog
{
    private static readonly string GrpcAssemblyName = typeof(ServerCallContext).Assembly.GetName().Name!;

    /// <summary>The descriptors of <paramref name="serviceNames"/> found in the loaded assemblies; names without one are skipped.</summary>
    public static IReadOnlyList<ServiceDescriptor> Find(IEnumerable<string> serviceNames)
    {
        var wanted = new HashSet<string>(serviceNames, StringComparer.Ordinal);
        var found = new Dictionary<string, ServiceDescriptor>(StringComparer.Ordinal);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic || !ReferencesGrpc(assembly))
            {
                continue;
            }

            foreach (var type in SafeTypes(assembly))
            {
                if (type is { IsAbstract: true, IsSealed: true }
                    && type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static) is { PropertyType: var propertyType } property
                    && propertyType == typeof(ServiceDescriptor)
                    && property.GetValue(null) is ServiceDescriptor descriptor
                    && wanted.Contains(descriptor.FullName))
                {
                    found.TryAdd(descriptor.FullName, descriptor);
                }
            }
        }

        return [.. found.Values];
    }

    private static bool ReferencesGrpc(Assembly assembly)
        => assembly.GetName().Name == GrpcAssemblyName || assembly.GetReferencedAssemblies().Any(a => a.Name == GrpcAssemblyName);

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }
}
