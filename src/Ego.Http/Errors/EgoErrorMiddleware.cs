using Ego.Grpc;
using Ego.Grpc.Errors;
using Ego.Http.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ego.Http.Errors;

/// <summary>
/// Turns an <see cref="EgoError"/> (or a failed gRPC call, <see cref="RpcException"/>) escaping an endpoint into EGO's
/// HTTP status and JSON error body (or the error envelope, when <see cref="HttpEnvelopeOptions"/> are registered and enabled),
/// so HTTP and gRPC callers see the same error.
/// </summary>
internal sealed partial class EgoErrorMiddleware(RequestDelegate next, ILogger<EgoErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (EgoError.FromException(exception) is { } error && !context.Response.HasStarted)
        {
            LogError(logger, context.Request.Path, error.Reason, error.Code);
            context.Response.Clear();
            await HttpErrors.ToResult(error).ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{path} answered error {reason} ({code})")]
    private static partial void LogError(ILogger logger, string path, string reason, StatusCode code);
}
