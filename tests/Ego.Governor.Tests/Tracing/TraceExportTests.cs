using System.Diagnostics;
using Ego.Governor.Tracing.Internal;
using Ego.Tracing;
using OpenTelemetry.Trace;

namespace Ego.Governor.Tests.Tracing;

[Collection(ExportCollection.Name)]
public sealed class TraceExportTests
{
    [Fact]
    public async Task CreateProvider_FractionQuarter_SamplesAboutAQuarterOfNewTraces()
    {
        await using var receiver = await OtlpHttpReceiver.StartAsync();
        var name = "ratio-" + Guid.NewGuid().ToString("N");
        using (var provider = TraceExport.CreateProvider(Options(receiver, 0.25), "ratio", "i1", null))
        {
            for (var i = 0; i < 400; i++)
            {
                using var root = EgoTracing.Source.StartActivity(name);
            }

            Assert.True(provider.ForceFlush(30_000));
        }

        // 400 draws at 0.25: 100 expected, standard deviation under 9; the bounds are over five deviations wide.
        var sampled = receiver.Sink.Spans.Count(s => s.Name == name);
        Assert.InRange(sampled, 50, 150);
    }

    [Fact]
    public async Task CreateProvider_RemoteParent_FollowsTheParentsDecisionWhateverTheFraction()
    {
        await using var receiver = await OtlpHttpReceiver.StartAsync();
        var name = "parent-" + Guid.NewGuid().ToString("N");
        using (var provider = TraceExport.CreateProvider(Options(receiver, 0), "parent", "i1", null))
        {
            for (var i = 0; i < 10; i++)
            {
                StartChild(name, ActivityTraceFlags.Recorded);
                StartChild(name, ActivityTraceFlags.None);
            }

            Assert.True(provider.ForceFlush(30_000));
        }

        Assert.Equal(10, receiver.Sink.Spans.Count(s => s.Name == name));
    }

    private static void StartChild(string name, ActivityTraceFlags flags)
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), flags, isRemote: true);
        using var span = EgoTracing.StartServerSpan(name, parent);
    }

    private static TracingOptions Options(OtlpHttpReceiver receiver, double fraction)
        => new() { Fraction = fraction, Otlp = { Endpoint = receiver.Address, Protocol = "http/protobuf" } };
}
