namespace Ego.Grpc.Tests.Support;

/// <summary>Holds calls in their handlers until released, and tells when the expected number has arrived.</summary>
internal sealed class CallGate(int expected)
{
    private readonly TaskCompletionSource allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int arrived;

    public Task AllArrived => allArrived.Task;

    public async Task WaitAsync()
    {
        if (Interlocked.Increment(ref arrived) == expected)
        {
            allArrived.TrySetResult();
        }

        await released.Task;
    }

    public void Release() => released.TrySetResult();
}
