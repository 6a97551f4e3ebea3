using System.Collections.Concurrent;
using Ego.Governor.Tests.Tracing.Otlp;

namespace Ego.Governor.Tests.Tracing;

/// <summary>What an OTLP receiver got, with a wait that wakes on every export instead of polling.</summary>
internal sealed class SpanSink
{
    private readonly ConcurrentQueue<ReceivedSpan> spans = new();
    private readonly SemaphoreSlim arrived = new(0);

    public int Exports { get; private set; }

    public IReadOnlyList<ReceivedSpan> Spans => spans.ToList();

    public void Add(ExportTraceServiceRequest request)
    {
        foreach (var span in ReceivedSpan.From(request))
        {
            spans.Enqueue(span);
        }

        Exports++;
        arrived.Release();
    }

    public IReadOnlyList<ReceivedSpan> InTrace(string traceId) => spans.Where(s => s.TraceId == traceId).ToList();

    /// <summary>Waits until <paramref name="done"/> holds; fails with what arrived when it does not within 30 s.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitAsync(Func<IReadOnlyList<ReceivedSpan>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!done(Spans))
        {
            try
            {
                await arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"the expected spans did not arrive within 30 s; got: {string.Join(", ", Spans.Select(s => s.Name))}");
            }
        }

        return Spans;
    }
}
