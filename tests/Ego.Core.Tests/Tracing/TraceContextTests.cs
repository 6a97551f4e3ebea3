using System.Diagnostics;
using Ego.Tracing;

namespace Ego.Core.Tests.Tracing;

public sealed class TraceContextTests
{
    private const string Parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Fact]
    public void TryExtract_ValidTraceparentAndTracestate_ReturnsRemoteContext()
    {
        var headers = new Dictionary<string, string> { ["traceparent"] = Parent, ["tracestate"] = "ego=1" };

        var found = TraceContext.TryExtract(headers, Get, out var context);

        Assert.True(found);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", context.TraceId.ToHexString());
        Assert.Equal("00f067aa0ba902b7", context.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.Recorded, context.TraceFlags);
        Assert.Equal("ego=1", context.TraceState);
        Assert.True(context.IsRemote);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("00-00000000000000000000000000000000-00f067aa0ba902b7-01")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")]
    public void TryExtract_MissingOrMalformed_ReturnsFalse(string traceparent)
    {
        var headers = new Dictionary<string, string> { ["traceparent"] = traceparent };

        Assert.False(TraceContext.TryExtract(headers, Get, out var context));
        Assert.Equal(default, context.TraceId);
    }

    [Fact]
    public void Inject_ThenExtract_RoundTripsIdsFlagsAndState()
    {
        var original = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, "k=v");
        var headers = new Dictionary<string, string>();

        TraceContext.Inject(original, headers, (h, k, v) => h[k] = v);
        TraceContext.TryExtract(headers, Get, out var extracted);

        Assert.Equal($"00-{original.TraceId.ToHexString()}-{original.SpanId.ToHexString()}-00", headers["traceparent"]);
        Assert.Equal("k=v", headers["tracestate"]);
        Assert.Equal(original.TraceId, extracted.TraceId);
        Assert.Equal(original.SpanId, extracted.SpanId);
        Assert.Equal(ActivityTraceFlags.None, extracted.TraceFlags);
    }

    [Fact]
    public void Inject_DefaultContext_WritesNothing()
    {
        var headers = new Dictionary<string, string>();

        TraceContext.Inject(default, headers, (h, k, v) => h[k] = v);

        Assert.Empty(headers);
    }

    private static string? Get(Dictionary<string, string> headers, string key) => headers.GetValueOrDefault(key);
}
