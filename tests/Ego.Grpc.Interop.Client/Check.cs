namespace Ego.Grpc.Interop;

/// <summary>Assertions that fail a case with a message naming what was expected and what came.</summary>
internal static class Check
{
    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InteropFailure($"{what}: expected {expected}, got {actual}");
        }
    }

    public static void True(bool condition, string what)
    {
        if (!condition)
        {
            throw new InteropFailure($"{what}: did not hold");
        }
    }

    public static void NotNull(object? value, string what) => True(value is not null, what + " is present");

    public static async Task<RpcException> FailsWithAsync(StatusCode expected, Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (RpcException exception) when (exception.StatusCode == expected)
        {
            return exception;
        }
        catch (RpcException exception)
        {
            throw new InteropFailure($"{what}: expected status {expected}, got {exception.StatusCode} \"{exception.Status.Detail}\"");
        }

        throw new InteropFailure($"{what}: expected status {expected}, but the call succeeded");
    }
}
