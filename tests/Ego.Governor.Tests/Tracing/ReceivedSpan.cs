using Ego.Governor.Tests.Tracing.Otlp;
using Google.Protobuf;

namespace Ego.Governor.Tests.Tracing;

/// <summary>One span as an OTLP receiver decoded it, ids as lower-case hex.</summary>
internal sealed record ReceivedSpan(
    string ServiceName,
    string ScopeName,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    SpanKind Kind,
    Otlp.StatusCode Status,
    IReadOnlyDictionary<string, object?> Attributes)
{
    public static IEnumerable<ReceivedSpan> From(ExportTraceServiceRequest request)
        => from resource in request.ResourceSpans
           let service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue ?? ""
           from scope in resource.ScopeSpans
           from span in scope.Spans
           select new ReceivedSpan(
               service,
               scope.Scope?.Name ?? "",
               Hex(span.TraceId),
               Hex(span.SpanId),
               Hex(span.ParentSpanId),
               span.Name,
               span.Kind,
               span.Status?.Code ?? Otlp.StatusCode.Unset,
               span.Attributes.ToDictionary(a => a.Key, a => Value(a.Value)));

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private static object? Value(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue,
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue,
        _ => null,
    };
}
