using System.Collections.Concurrent;
using System.Diagnostics;
using Ego.Tracing;

namespace Ego.Tests.Shared;

/// <summary>Records every finished span of the Ego source; tests pick theirs by trace id, as tests run in parallel.</summary>
internal sealed class SpanCollector : IDisposable
{
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener;

    public SpanCollector()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EgoTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> InTrace(string traceId) => stopped.Where(a => a.TraceId.ToHexString() == traceId).ToList();

    public IReadOnlyList<Activity> Named(string name) => stopped.Where(a => a.DisplayName == name).ToList();

    public void Dispose() => listener.Dispose();
}
