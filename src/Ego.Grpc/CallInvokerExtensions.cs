namespace Ego.Grpc;

/// <summary>Extensions of <see cref="CallInvoker"/>.</summary>
public static class CallInvokerExtensions
{
    /// <summary>Wraps <paramref name="invoker"/> so calls pass through <paramref name="interceptors"/>, the first one outermost.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptors);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            invoker = new Internal.InterceptingCallInvoker(invoker, interceptors[i] ?? throw new ArgumentException($"interceptors[{i}] is null.", nameof(interceptors)));
        }

        return invoker;
    }
}
