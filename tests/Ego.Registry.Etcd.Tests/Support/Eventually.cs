namespace Ego.Registry.Etcd.Tests.Support;

/// <summary>Polls a condition on a state outside the test's control (etcd, a resolver) until it holds or time runs out.</summary>
internal static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        T last;
        while (true)
        {
            last = await read();
            if (condition(last) || deadline.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Assert.True(condition(last), $"{what} did not happen within {timeout}; last seen: {last}");
        return last;
    }
}
