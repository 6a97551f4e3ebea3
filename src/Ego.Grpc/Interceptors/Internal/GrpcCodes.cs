using Ego.Grpc.Errors;

namespace Ego.Grpc.Interceptors.Internal;

/// <summary>Status code names as grpc-go prints them (the <c>code</c> metric label) and EGO's HTTP-equivalent codes.</summary>
internal static class GrpcCodes
{
    private static readonly string[] Names =
    [
        "OK", "Canceled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound", "AlreadyExists", "PermissionDenied",
        "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange", "Unimplemented", "Internal", "Unavailable",
        "DataLoss", "Unauthenticated",
    ];

    // EGO's table (the same as Ego.Http's HttpStatusMapping, which Ego.Grpc cannot reference).
    private static readonly int[] Uniform = [200, 408, 500, 400, 408, 404, 409, 403, 503, 412, 409, 400, 501, 500, 503, 500, 401];

    private static readonly string[] UniformText = [.. Uniform.Select(u => u.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static string Name(StatusCode code) => (uint)code < (uint)Names.Length ? Names[(int)code] : "Code(" + (int)code + ")";

    public static int ToHttp(StatusCode code) => (uint)code < (uint)Uniform.Length ? Uniform[(int)code] : 500;

    public static string ToHttpText(StatusCode code) => (uint)code < (uint)UniformText.Length ? UniformText[(int)code] : "500";

    /// <summary>The status a handler's exception ends the call with; <paramref name="unexpected"/> when it is answered as INTERNAL.</summary>
    public static Status FromException(Exception exception, ServerCallContext? context, out bool unexpected)
    {
        unexpected = false;
        switch (exception)
        {
            case RpcException rpc:
                return rpc.Status;
            case EgoError error:
                return error.ToStatus();
            case OperationCanceledException when context is not null && context.CancellationToken.IsCancellationRequested:
                return context.Deadline <= DateTime.UtcNow ? new Status(StatusCode.DeadlineExceeded, "deadline exceeded") : new Status(StatusCode.Cancelled, "call cancelled");
            default:
                unexpected = true;
                return new Status(StatusCode.Internal, "panic recover, origin err: " + exception.Message);
        }
    }

    /// <summary>The error text as grpc-go prints a status error.</summary>
    public static string ErrorText(Status status) => "rpc error: code = " + Name(status.StatusCode) + " desc = " + status.Detail;
}
