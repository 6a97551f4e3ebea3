using System.Diagnostics;
using Ego.Tracing.Internal;

namespace Ego.Tracing;

/// <summary>
/// The one <see cref="ActivitySource"/> every Ego.NET server and client span comes from (<c>"Ego"</c>), and the
/// current trace id. Spans are always created, so trace ids reach logs and response headers and travel downstream
/// even when nothing is exported; only an exporter (see <c>AddEgoTracing</c>) records and samples them.
/// </summary>
public static class EgoTracing
{
    /// <summary>Name of the activity source; pass it to <c>TracerProviderBuilder.AddSource</c>.</summary>
    public const string SourceName = "Ego";

    /// <summary>The source of Ego.NET spans.</summary>
    public static ActivitySource Source { get; } = CreateSource();

    /// <summary>The trace id of <see cref="Activity.Current"/> as 32 lower-case hex digits, or empty without one.</summary>
    public static string CurrentTraceId => Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : "";

    /// <summary>
    /// Starts a server span under <paramref name="remoteParent"/> (from <see cref="TraceContext.TryExtract"/>), or as a
    /// new trace when it is default. Whatever activity the host started for the request is not the parent: it is never
    /// exported, and spans must point at the caller's span.
    /// </summary>
    public static Activity? StartServerSpan(string name, ActivityContext remoteParent)
    {
        Activity.Current = null;
        return Source.StartActivity(name, ActivityKind.Server, remoteParent);
    }

    private static ActivitySource CreateSource()
    {
        var source = new ActivitySource(SourceName, typeof(EgoTracing).Assembly.GetName().Version?.ToString(3));
        PropagationListener.Install();
        return source;
    }
}
