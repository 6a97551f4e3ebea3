namespace Ego.Grpc;

/// <summary>Base of generated clients.</summary>
public abstract class ClientBase
{
    /// <summary>For mocking: calls fail with UNIMPLEMENTED.</summary>
    protected ClientBase()
        : this(new Internal.UnimplementedCallInvoker())
    {
    }

    protected ClientBase(ChannelBase channel)
        : this((channel ?? throw new ArgumentNullException(nameof(channel))).CreateCallInvoker())
    {
    }

    protected ClientBase(CallInvoker callInvoker)
    {
        CallInvoker = callInvoker ?? throw new ArgumentNullException(nameof(callInvoker));
    }

    protected ClientBase(ClientBaseConfiguration configuration)
        : this((configuration ?? throw new ArgumentNullException(nameof(configuration))).CreateDecoratedCallInvoker())
    {
    }

    /// <summary>The invoker the generated methods call.</summary>
    protected CallInvoker CallInvoker { get; }

    /// <summary>What a client is built from, so <c>WithHost</c> can clone it.</summary>
    protected internal sealed class ClientBaseConfiguration
    {
        internal ClientBaseConfiguration(CallInvoker undecoratedCallInvoker, string? host)
        {
            UndecoratedCallInvoker = undecoratedCallInvoker;
            Host = host;
        }

        internal CallInvoker UndecoratedCallInvoker { get; }

        internal string? Host { get; }

        internal CallInvoker CreateDecoratedCallInvoker()
            => Host is null ? UndecoratedCallInvoker : new Internal.HostOverridingCallInvoker(UndecoratedCallInvoker, Host);
    }
}
