using System.Net;
using Ego.Grpc;

namespace Ego.Http.Errors;

/// <summary>EGO's table from gRPC status codes to HTTP status codes, and back for decoding.</summary>
public static class HttpStatusMapping
{
    /// <summary>The HTTP status an error with <paramref name="code"/> is answered with.</summary>
    public static HttpStatusCode ToHttp(StatusCode code) => code switch
    {
        StatusCode.OK => HttpStatusCode.OK,
        StatusCode.Cancelled => HttpStatusCode.RequestTimeout,
        StatusCode.Unknown => HttpStatusCode.InternalServerError,
        StatusCode.InvalidArgument => HttpStatusCode.BadRequest,
        StatusCode.DeadlineExceeded => HttpStatusCode.RequestTimeout,
        StatusCode.NotFound => HttpStatusCode.NotFound,
        StatusCode.AlreadyExists => HttpStatusCode.Conflict,
        StatusCode.PermissionDenied => HttpStatusCode.Forbidden,
        StatusCode.Unauthenticated => HttpStatusCode.Unauthorized,
        StatusCode.ResourceExhausted => HttpStatusCode.ServiceUnavailable,
        StatusCode.FailedPrecondition => HttpStatusCode.PreconditionFailed,
        StatusCode.Aborted => HttpStatusCode.Conflict,
        StatusCode.OutOfRange => HttpStatusCode.BadRequest,
        StatusCode.Unimplemented => HttpStatusCode.NotImplemented,
        StatusCode.Internal => HttpStatusCode.InternalServerError,
        StatusCode.Unavailable => HttpStatusCode.ServiceUnavailable,
        StatusCode.DataLoss => HttpStatusCode.InternalServerError,
        _ => HttpStatusCode.InternalServerError,
    };

    /// <summary>
    /// The gRPC code for an HTTP status when a response carries no error body of ours (several codes share an HTTP
    /// status, so this picks the most common: 409 → ABORTED is read as ALREADY_EXISTS, 503 as UNAVAILABLE).
    /// </summary>
    public static StatusCode FromHttp(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => StatusCode.OK,
        400 => StatusCode.InvalidArgument,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.NotFound,
        408 => StatusCode.DeadlineExceeded,
        409 => StatusCode.AlreadyExists,
        412 => StatusCode.FailedPrecondition,
        429 => StatusCode.ResourceExhausted,
        501 => StatusCode.Unimplemented,
        503 => StatusCode.Unavailable,
        504 => StatusCode.DeadlineExceeded,
        _ => StatusCode.Unknown,
    };
}
