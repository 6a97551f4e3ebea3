namespace Ego.Grpc.Tests.Support;

/// <summary>A scoped dependency that counts the call scopes disposed after it was used.</summary>
internal sealed class CallScopeProbe(Counter disposed) : IAsyncDisposable
{
    public bool Used { get; set; }

    public ValueTask DisposeAsync()
    {
        if (Used)
        {
            disposed.Next();
        }

        return ValueTask.CompletedTask;
    }
}
