namespace Ego.Proto.Doc.Internal;

/// <summary>gRPC code names with their numbers and the HTTP status of EGO's table (the one Ego.Http answers errors with).</summary>
internal static class GrpcStatusTable
{
    private static readonly Dictionary<string, (int Code, int Http)> Codes = new(StringComparer.Ordinal)
    {
        ["OK"] = (0, 200),
        ["CANCELLED"] = (1, 408),
        ["UNKNOWN"] = (2, 500),
        ["INVALID_ARGUMENT"] = (3, 400),
        ["DEADLINE_EXCEEDED"] = (4, 408),
        ["NOT_FOUND"] = (5, 404),
        ["ALREADY_EXISTS"] = (6, 409),
        ["PERMISSION_DENIED"] = (7, 403),
        ["RESOURCE_EXHAUSTED"] = (8, 503),
        ["FAILED_PRECONDITION"] = (9, 412),
        ["ABORTED"] = (10, 409),
        ["OUT_OF_RANGE"] = (11, 400),
        ["UNIMPLEMENTED"] = (12, 501),
        ["INTERNAL"] = (13, 500),
        ["UNAVAILABLE"] = (14, 503),
        ["DATA_LOSS"] = (15, 500),
        ["UNAUTHENTICATED"] = (16, 401),
    };

    public static IReadOnlyDictionary<string, (int Code, int Http)> All => Codes;

    public static bool TryGet(string name, out int code, out int http)
    {
        var found = Codes.TryGetValue(name, out var entry);
        (code, http) = entry;
        return found;
    }
}
