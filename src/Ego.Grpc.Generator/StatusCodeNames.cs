namespace Ego.Grpc.Generator;

/// <summary>The gRPC code names accepted by <c>@code=</c> (as in the gRPC spec and Go EGO), mapped to <c>Ego.Grpc.StatusCode</c> members.</summary>
internal static class StatusCodeNames
{
    private static readonly Dictionary<string, string> Members = new(StringComparer.Ordinal)
    {
        ["OK"] = "OK",
        ["CANCELLED"] = "Cancelled",
        ["UNKNOWN"] = "Unknown",
        ["INVALID_ARGUMENT"] = "InvalidArgument",
        ["DEADLINE_EXCEEDED"] = "DeadlineExceeded",
        ["NOT_FOUND"] = "NotFound",
        ["ALREADY_EXISTS"] = "AlreadyExists",
        ["PERMISSION_DENIED"] = "PermissionDenied",
        ["RESOURCE_EXHAUSTED"] = "ResourceExhausted",
        ["FAILED_PRECONDITION"] = "FailedPrecondition",
        ["ABORTED"] = "Aborted",
        ["OUT_OF_RANGE"] = "OutOfRange",
        ["UNIMPLEMENTED"] = "Unimplemented",
        ["INTERNAL"] = "Internal",
        ["UNAVAILABLE"] = "Unavailable",
        ["DATA_LOSS"] = "DataLoss",
        ["UNAUTHENTICATED"] = "Unauthenticated",
    };

    /// <summary>Every valid name, sorted, for error messages.</summary>
    public static string ValidNames { get; } = string.Join(", ", Members.Keys.Order(StringComparer.Ordinal));

    /// <summary>The <c>StatusCode</c> member for <paramref name="name"/> (<c>NOT_FOUND</c> → <c>NotFound</c>); case matters, as in EGO.</summary>
    public static bool TryGetMember(string name, out string member) => Members.TryGetValue(name, out member!);
}
