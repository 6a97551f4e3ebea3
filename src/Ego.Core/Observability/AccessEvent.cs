namespace Ego.Observability;

/// <summary>Values of the access log's <c>event</c> field.</summary>
public static class AccessEvent
{
    public const string Normal = "normal";

    /// <summary>The call took longer than the component's <c>slowLogThreshold</c>.</summary>
    public const string Slow = "slow";

    /// <summary>The call ended with an error status.</summary>
    public const string Error = "error";

    /// <summary>The handler threw an unexpected exception, answered as an internal error.</summary>
    public const string Panic = "panic";
}
