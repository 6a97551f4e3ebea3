namespace Ego.Hosting;

/// <summary>The stages of a stop that run hooks, in order, after every server has stopped.</summary>
public enum StopStage
{
    /// <summary>Close clients and connection pools (<see cref="EgoApplicationBuilder.OnAfterStop"/> hooks run here).</summary>
    CloseClients,

    /// <summary>Flush what is buffered: logs, traces, metrics exporters. Runs last.</summary>
    Flush,
}
