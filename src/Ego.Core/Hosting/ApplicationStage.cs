namespace Ego.Hosting;

/// <summary>Where the application is in its life; it only moves forward.</summary>
public enum ApplicationStage
{
    /// <summary>Components and servers are starting; not ready yet.</summary>
    Starting,

    /// <summary>Every server has started; readiness probes succeed.</summary>
    Ready,

    /// <summary>Stopping began: readiness is off, calls are still served while load balancers notice (<c>app.drainDelay</c>).</summary>
    Draining,

    /// <summary>The drain is over: new calls are refused (gRPC UNAVAILABLE, HTTP 503), in-flight calls finish.</summary>
    Stopping,

    /// <summary>Servers are stopped, clients closed, logs and traces flushed.</summary>
    Stopped,
}
