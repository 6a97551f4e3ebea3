using System.Diagnostics;

namespace Ego.Tracing;

/// <summary>
/// W3C Trace Context (<c>traceparent</c>, <c>tracestate</c>) over any header-like carrier: HTTP headers, gRPC metadata.
/// </summary>
public static class TraceContext
{
    public const string TraceParentHeader = "traceparent";

    public const string TraceStateHeader = "tracestate";

    /// <summary>Reads the remote parent from <paramref name="carrier"/>; false when <c>traceparent</c> is missing or malformed.</summary>
    public static bool TryExtract<TCarrier>(TCarrier carrier, Func<TCarrier, string, string?> getter, out ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(getter);
        context = default;
        var parent = getter(carrier, TraceParentHeader);
        return !string.IsNullOrEmpty(parent)
            && ActivityContext.TryParse(parent, getter(carrier, TraceStateHeader), isRemote: true, out context)
            && context.TraceId != default;
    }

    /// <summary>Writes <paramref name="context"/> as <c>traceparent</c> (and <c>tracestate</c> when set) into <paramref name="carrier"/>.</summary>
    public static void Inject<TCarrier>(ActivityContext context, TCarrier carrier, Action<TCarrier, string, string> setter)
    {
        ArgumentNullException.ThrowIfNull(setter);
        if (context.TraceId == default)
        {
            return;
        }

        setter(carrier, TraceParentHeader, FormatTraceParent(context));
        if (!string.IsNullOrEmpty(context.TraceState))
        {
            setter(carrier, TraceStateHeader, context.TraceState);
        }
    }

    /// <summary>The <c>traceparent</c> value: version 00, trace id, span id and the sampled flag.</summary>
    public static string FormatTraceParent(ActivityContext context)
        => string.Create(55, context, static (span, c) =>
        {
            "00-".CopyTo(span);
            c.TraceId.ToHexString().CopyTo(span[3..]);
            span[35] = '-';
            c.SpanId.ToHexString().CopyTo(span[36..]);
            span[52] = '-';
            span[53] = '0';
            span[54] = (c.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? '1' : '0';
        });
}
