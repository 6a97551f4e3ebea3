namespace Ego.Grpc;

/// <summary>A connection (or pool of connections) to a server that client calls go through.</summary>
public abstract class ChannelBase
{
    protected ChannelBase(string target)
    {
        Target = target ?? throw new ArgumentNullException(nameof(target));
    }

    /// <summary>The address the channel dials.</summary>
    public string Target { get; }

    /// <summary>A call invoker that starts calls on this channel.</summary>
    public abstract CallInvoker CreateCallInvoker();
}
