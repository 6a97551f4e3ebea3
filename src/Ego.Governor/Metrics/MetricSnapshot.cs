namespace Ego.Governor.Metrics;

/// <summary>The current values of one instrument: its identity as declared in code and one point per label set.</summary>
/// <param name="MeterName">Name of the meter that owns the instrument.</param>
/// <param name="Name">Instrument name as declared (e.g. <c>http.server.request.duration</c>); the serializer derives the Prometheus name.</param>
/// <param name="Unit">UCUM unit as declared (e.g. <c>s</c>, <c>By</c>, <c>{request}</c>), or null.</param>
/// <param name="Description">Description, written as the family's <c># HELP</c>.</param>
/// <param name="Type">How the instrument is exposed.</param>
/// <param name="Points">One point per label set.</param>
public sealed record MetricSnapshot(
    string MeterName,
    string Name,
    string? Unit,
    string? Description,
    MetricType Type,
    IReadOnlyList<MetricPoint> Points);
