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

    /// <summary>The call was refused by a rate limit or concurrency cap (gRPC RESOURCE_EXHAUSTED, HTTP 429).</summary>
    public const string Limited = "limited";

    /// <summary>The call was dropped by the adaptive load shedder (gRPC UNAVAILABLE, HTTP 503).</summary>
    public const string Shed = "shed";

    /// <summary>
    /// Key under which a component that refused a call leaves its event (<see cref="Limited"/> or <see cref="Shed"/>) in
    /// the call's state (gRPC <c>ServerCallContext.UserState</c>, HTTP <c>HttpContext.Items</c>) for the access log.
    /// </summary>
    public static readonly object StateKey = new();
}
