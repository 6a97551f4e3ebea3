using Ego.Grpc;

namespace Ego.Resilience.Timeouts.Internal;

/// <summary>The deadline config sets for one gRPC server call, and the call context the handler sees with it.</summary>
internal readonly struct CallDeadline : IDisposable
{
    private readonly DeadlineSource deadline;

    public CallDeadline(ServerCallContext context, TimeSpan timeout, TimeProvider timeProvider)
    {
        deadline = new DeadlineSource(context.CancellationToken, timeout, timeProvider);
        Context = new DeadlineServerCallContext(context, timeProvider.GetUtcNow().UtcDateTime + timeout, deadline.Token);
    }

    /// <summary>The call as the handler sees it: the configured deadline and its token.</summary>
    public ServerCallContext Context { get; }

    public CancellationToken Token => deadline.Token;

    /// <summary>True when the deadline, not the caller, ended the call.</summary>
    public bool Expired => deadline.Expired;

    public void Dispose() => deadline.Dispose();
}
