namespace Ego.Hosting;

/// <summary>A server that can list what it serves (e.g. every gRPC method as <c>/package.Service/Method</c>); the governor's <c>/routes</c> shows it.</summary>
public interface IEgoServerRoutes
{
    /// <summary>The routes served, sorted.</summary>
    IReadOnlyList<string> Routes { get; }
}
