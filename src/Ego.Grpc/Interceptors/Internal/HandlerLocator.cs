using System.Collections.Concurrent;
using System.Reflection;

namespace Ego.Grpc.Interceptors.Internal;

/// <summary>
/// Finds the user's handler method behind a server continuation, for debug lines: the continuation is the handler
/// itself or a chain of framework closures (interceptors, per-call service activation) holding it in a field.
/// Reflection, so only used in debug mode; the result is cached per continuation, which is fixed per method.
/// </summary>
internal static class HandlerLocator
{
    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Delegate, MethodInfo?> Cache = new();

    public static MethodInfo? Find(Delegate continuation) => Cache.GetOrAdd(continuation, static d => Walk(d, 0));

    private static MethodInfo? Walk(Delegate handler, int depth)
    {
        if (!IsFramework(handler.Method.DeclaringType?.Assembly))
        {
            return handler.Method;
        }

        if (depth >= MaxDepth || handler.Target is not { } target)
        {
            return null;
        }

        foreach (var field in target.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (typeof(Delegate).IsAssignableFrom(field.FieldType) && field.GetValue(target) is Delegate inner && Walk(inner, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsFramework(Assembly? assembly) => assembly == typeof(HandlerLocator).Assembly;
}
